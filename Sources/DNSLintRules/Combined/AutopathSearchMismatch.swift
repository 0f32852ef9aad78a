import DNSLintModel
import LDNS
/// DNS4003: a pod whose own search path differs from the one autopath rebuilds for it (DNS3010), behind autopath.
struct AutopathSearchMismatch: Rule {
    let metadata = RuleMetadata(
        code: "DNS4003",
        name: "autopath-search-mismatch",
        summary: "A pod's search path does not start with its own namespace domain while the cluster's CoreDNS runs autopath, which rebuilds the search path from the namespace.",
        rationale: """
            autopath answers a pod's first search-path query on the server: it looks the pod up by address, derives \
            `<namespace>.svc.<cluster-domain> svc.<cluster-domain> <cluster-domain>` plus the server's own search \
            domains, walks that list and returns a CNAME to the first name that exists. The plugin assumes the pod \
            searches in the same order. A pod with a hand-written list that starts elsewhere (DNS3010: dnsPolicy None \
            copied from another namespace) breaks that assumption: its queries under the other namespace's domain are \
            not shortcut at all, so it pays the full search walk, and where the lists overlap the answer autopath \
            picks is not the one the pod's own resolver would have found. The Corefile block checked is the one \
            that serves the pod's `<namespace>.svc.<cluster-domain>`.
            """,
        remediation: "Start the pod's search list with <namespace>.svc.<cluster-domain>, svc.<cluster-domain>, <cluster-domain> (or use dnsPolicy ClusterFirst), or drop autopath from the cluster's Corefile.",
        severity: .error,
        inputs: [.corefile, .manifest],
        references: [
            "https://coredns.io/plugins/autopath/",
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/autopath/autopath.go",
            "https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-dns-config",
        ],
        argumentKeys: [
            ArgumentKey("search", .string, "The pod's first search domains (up to 3), space-separated."),
            ArgumentKey("expected", .string, "The domain autopath puts first: `<namespace>.svc.<cluster-domain>`."),
            ArgumentKey("namespace", .string, "The pod's namespace."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "a search list copied from the default namespace"),
        ],
        clean: [
            RuleExample("clean-1", caption: "the pod's own namespace first"),
            RuleExample("clean-2", caption: "no autopath in the Corefile"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let corefiles = context.inputs(of: Corefile.self).filter { $0.serverBlocks.contains(where: \.hasAutopath) }
        guard !corefiles.isEmpty else { return [] }
        return context.podSearchPaths.filter(\.firstDomainMismatch).compactMap { path in
            let pod = path.pod
            let namespaceDomain = DNSName(pod.expectedFirstSearchDomain)
            let autopaths = corefiles.flatMap { corefile in
                corefile.serverBlocks(serving: namespaceDomain).compactMap { block -> (ServingBlock, Corefile.Directive)? in
                    guard let autopath = block.directive("autopath"), autopath.autopathCovers(namespaceDomain) else { return nil }
                    return (ServingBlock(corefile: corefile, block: block), autopath)
                }
            }
            guard let (served, autopath) = autopaths.first else { return nil }
            let search = path.search.prefix(3).joined(separator: " ")
            return finding(
                "The search path of \(pod.description) starts with \(path.search.first ?? "?"), not \(pod.expectedFirstSearchDomain), so CoreDNS autopath cannot rebuild it. '\(autopath.summary)' in server block \(served.title) derives the list from the pod's namespace: the pod's queries are not shortcut, and where the lists overlap autopath answers with names the pod's own search order would not pick.",
                at: path.searchLocation, related: autopaths.map { $0.0.related($0.1) },
                arguments: ["search": .string(search), "expected": .string(pod.expectedFirstSearchDomain),
                            "namespace": .string(pod.namespace)])
        }
    }
}

extension ServingBlock {
    func related(_ directive: Corefile.Directive) -> RelatedLocation {
        directive.related("\(directive.summary) in server block \(title)")
    }
}

extension Corefile.Directive {
    /// `autopath [ZONE...] RESOLV-CONF|@PLUGIN`: true when `name` is in its zones (none listed: the block's).
    func autopathCovers(_ name: DNSName) -> Bool {
        let zones = args.dropLast().map { DNSName($0) }
        return zones.isEmpty || zones.contains { name.isSubdomain(of: $0) }
    }
}
