/// A CoreDNS container found in a manifest (`coredns/coredns:1.11.1`, `registry.k8s.io/coredns/coredns:v1.11.1`,
/// any registry): the version the cluster runs when `--coredns-version` is not given.
public struct CoreDNSImage: ParsedInput {
    public var path: String
    /// The workload that runs it, e.g. `Deployment kube-system/coredns`.
    public var workload: String
    public var image: String
    public var version: CoreDNSVersion
    /// The `image:` value in the manifest.
    public var location: SourceLocation

    /// The version in a CoreDNS image reference, or nil for other images, digests and placeholders.
    /// The repository's last path component must be `coredns`; the tag may carry a build suffix (`v1.11.1-eksbuild.4`).
    public static func version(ofImage reference: String) -> CoreDNSVersion? {
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
    public static func chosen(by options: LintOptions, images: [CoreDNSImage]) -> CoreDNSVersion {
        if let flag = options.corednsVersion.flatMap(CoreDNSVersion.init) { return flag }
        return images.map(\.version).min() ?? latestKnown
    }
}
