import DNSLintModel
import LDNS
/// A pod template's effective search path: what rules combining pods with a Corefile (autopath) need.
package struct PodSearchPath: Sendable {
    package var pod: PodDNS
    /// The search domains the pod's resolver uses (for the libc in the options), without trailing dots.
    package var search: [String]
    /// Where the search list comes from: the dnsConfig searches, the namespace, or the pod template.
    package var searchLocation: SourceLocation
    /// The first search domain is not `<namespace>.svc.<cluster-domain>` (DNS3010): autopath cannot rebuild it.
    package var firstDomainMismatch: Bool
}

extension LintContext {
    /// Every pod template read from manifests, in load order.
    package var podSearchPaths: [PodSearchPath] {
        inputs(of: ResolvConf.self).compactMap { conf in
            guard let pod = conf.pod else { return nil }
            let effective = conf.effective(for: options.libc)
            return PodSearchPath(pod: pod, search: effective.searchDomains,
                                 searchLocation: effective.search.first?.location ?? pod.templateLocation,
                                 firstDomainMismatch: SearchNamespaceCheck.mismatch(in: conf, options: options) != nil)
        }
    }
}

/// The check behind DNS3010, shared with the combined rules.
enum SearchNamespaceCheck {
    struct Mismatch {
        var first: ResolvConfToken
        var expected: String
    }

    static func mismatch(in conf: ResolvConf, options: LintOptions) -> Mismatch? {
        let clusterDomain = options.clusterDomainName
        let search = conf.effective(for: options.libc).search
        guard let first = search.first, !first.isPlaceholder else { return nil }
        let firstName = normalized(first.text)
        if let pod = conf.pod {
            // Only a hand-written list can be wrong: the kubelet generates the cluster one itself.
            guard pod.source == .dnsConfigOnly, firstName != pod.expectedFirstSearchDomain.lowercased() else { return nil }
            return Mismatch(first: first, expected: pod.expectedFirstSearchDomain)
        }
        // A resolv.conf file counts as a pod's when it searches svc.<cluster-domain>.
        let serviceDomain = "svc.\(clusterDomain)".lowercased()
        guard search.contains(where: { normalized($0.text) == serviceDomain }) else { return nil }
        let labels = firstName.split(separator: ".", omittingEmptySubsequences: false)
        if firstName.hasSuffix("." + serviceDomain), labels.count == serviceDomain.split(separator: ".").count + 1 { return nil }
        return Mismatch(first: first, expected: "<namespace>.\(serviceDomain)")
    }

    private static func normalized(_ domain: String) -> String {
        var text = domain.lowercased()
        while text.hasSuffix("."), text.count > 1 { text.removeLast() }
        return text
    }
}
