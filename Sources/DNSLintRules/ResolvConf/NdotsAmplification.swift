import DNSLintModel
import LDNS
/// DNS3001: ndots of 3 or more with a search list multiplies the queries for every external name.
struct NdotsAmplification: Rule {
    let metadata = RuleMetadata(
        code: "DNS3001",
        name: "ndots-amplification",
        summary: "ndots of 3 or more with a search list makes an external name such as api.github.com cost up to 2x(N+1) queries.",
        rationale: """
            A name with fewer dots than ndots is tried with each search domain appended before it is tried as \
            written, and glibc and musl ask A and AAAA for every candidate. With Kubernetes' default ndots:5 and \
            the three cluster search domains, a lookup of api.github.com sends 8 queries, 6 of them for names \
            that cannot exist, and waits for each NXDOMAIN. That multiplies the load on cluster DNS, fills its \
            cache with negative answers, and adds latency to every outbound call. The rule judges the name it \
            talks about: api.github.com has two dots, so with ndots:1 or ndots:2 (the remedy below) it is tried \
            as written first, and those values are not reported.
            """,
        remediation: """
            Lower ndots (for pods: dnsConfig options {name: ndots, value: "1"} or "2"), shorten the search list, \
            or make applications use fully qualified names with a trailing dot (api.github.com.).
            """,
        severity: .warning,
        inputs: [.resolvConf, .manifest],
        references: [
            "https://man7.org/linux/man-pages/man5/resolv.conf.5.html",
            "https://github.com/kubernetes/community/blob/master/contributors/design-proposals/network/pod-resolv-conf.md",
            "https://github.com/kubernetes/kubernetes/issues/14051",
            "https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-dns-config",
        ],
        argumentKeys: [
            ArgumentKey("ndots", .int, "The effective ndots."),
            ArgumentKey("searchDomains", .strings, "The effective search domains."),
            ArgumentKey("exampleName", .string, "An external name the worst case is shown for."),
            ArgumentKey("queries", .int, "The most queries one lookup of that name can send."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "a pod's resolv.conf: up to 10 queries for api.github.com"),
            RuleExample("triggering-2", caption: "a Deployment with the default ClusterFirst policy"),
        ],
        clean: [
            RuleExample("clean-1"),
            RuleExample("clean-2"),
            RuleExample("clean-3", caption: "ndots:2: api.github.com is tried as written first"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.inputs(of: ResolvConf.self).compactMap { conf in
            let effective = conf.effective(for: context.options.libc)
            let search = effective.expandingSearch
            // Only when the name in the message is searched first: it has fewer dots than ndots.
            guard effective.ndots > LookupCost.exampleNameDots, !search.isEmpty else { return nil }
            let name = LookupCost.exampleName
            let queries = LookupCost.worstCaseQueries(searchDomains: search.count)
            let domains = search.count == 1 ? "1 search domain" : "\(search.count) search domains"
            let nodeNote = conf.pod?.source == .cluster ? " The node's own search domains, if any, come on top." : ""
            return finding(
                "ndots:\(effective.ndots) with \(domains)\(conf.podClause) makes a lookup of \(name) send up to \(queries) queries before it resolves. "
                    + "Every name with fewer than \(effective.ndots) dots is first tried with each search domain appended, asking A and AAAA each time.\(nodeNote)",
                at: effective.ndotsToken?.location ?? conf.anchor,
                arguments: ["ndots": .int(effective.ndots), "searchDomains": .strings(search.map(\.text)),
                            "exampleName": .string(name), "queries": .int(queries)])
        }
    }
}
