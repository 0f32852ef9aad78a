
import LDNS
/// A CoreDNS container found in a manifest (`coredns/coredns:1.11.1`, `registry.k8s.io/coredns/coredns:v1.11.1`,
/// any registry): the version the cluster runs when `--coredns-version` is not given.
package struct CoreDNSImage: ParsedInput {
    package init(path: String, workload: String, image: String, version: CoreDNSVersion, location: SourceLocation) {
        self.path = path
        self.workload = workload
        self.image = image
        self.version = version
        self.location = location
    }

    package var path: String
    /// The workload that runs it, e.g. `Deployment kube-system/coredns`.
    package var workload: String
    package var image: String
    package var version: CoreDNSVersion
    /// The `image:` value in the manifest.
    package var location: SourceLocation

    /// The version in a CoreDNS image reference, or nil for other images, digests and placeholders.
    /// The repository's last path component must be `coredns`; the tag may carry a build suffix (`v1.11.1-eksbuild.4`).
    package static func version(ofImage reference: String) -> CoreDNSVersion? {
        let withoutDigest = reference.split(separator: "@", maxSplits: 1).first.map(String.init) ?? reference
        let lastSlash = withoutDigest.lastIndex(of: "/")
        guard let colon = withoutDigest.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true else { return nil }
        let repository = withoutDigest[..<colon]
        guard repository.split(separator: "/").last?.lowercased() == "coredns" else { return nil }
        let tag = withoutDigest[withoutDigest.index(after: colon)...]
        let release = tag.prefix { $0 != "-" && $0 != "_" && $0 != "+" }
        return CoreDNSVersion(String(release))
    }
}

extension CoreDNSVersion {
    /// The version the rules judge against: `--coredns-version`, else the CoreDNS image in the inputs
    /// (the oldest when several differ: during a rollout the old pods still serve), else the latest known.
    package static func chosen(by options: LintOptions, images: [CoreDNSImage]) -> CoreDNSVersion {
        if let flag = options.corednsVersion.flatMap(CoreDNSVersion.init) { return flag }
        return images.map(\.version).min() ?? latestKnown
    }
}
