
import LDNS
/// A CoreDNS container found in a manifest (`coredns/coredns:1.11.1`, `registry.k8s.io/coredns/coredns:v1.11.1`,
/// any registry): the version the cluster runs when `--coredns-version` is not given.
package struct CoreDNSImage: ParsedInput {
    package init(path: String, workload: String, image: String, version: CoreDNSVersion, location: SourceLocation,
                 namespace: String? = nil) {
        self.path = path
        self.workload = workload
        self.image = image
        self.version = version
        self.location = location
        self.namespace = namespace
    }

    package var path: String
    /// The workload that runs it, e.g. `Deployment kube-system/coredns`.
    package var workload: String
    package var image: String
    package var version: CoreDNSVersion
    /// The `image:` value in the manifest.
    package var location: SourceLocation
    /// The workload's namespace: its image applies to the Corefile of a ConfigMap in the same namespace.
    package var namespace: String?

    /// The version in a CoreDNS image reference, or nil for other images, digests and placeholders.
    /// The repository's last path component must be `coredns` (or a mirror's `...-coredns`); the tag may carry a build suffix (`v1.11.1-eksbuild.4`).
    package static func version(ofImage reference: String) -> CoreDNSVersion? {
        let withoutDigest = reference.split(separator: "@", maxSplits: 1).first.map(String.init) ?? reference
        let lastSlash = withoutDigest.lastIndex(of: "/")
        guard let colon = withoutDigest.lastIndex(of: ":"), lastSlash.map({ colon > $0 }) ?? true else { return nil }
        let repository = withoutDigest[..<colon]
        // `coredns/coredns`, `eks/coredns`, and Rancher's mirrors `rancher/coredns-coredns` and
        // `rancher/mirrored-coredns-coredns` (k3s, RKE2).
        guard let component = repository.split(separator: "/").last?.lowercased(),
              component == "coredns" || component.hasSuffix("-coredns") else { return nil }
        let tag = withoutDigest[withoutDigest.index(after: colon)...]
        let release = tag.prefix { $0 != "-" && $0 != "_" && $0 != "+" }
        return CoreDNSVersion(String(release))
    }
}
