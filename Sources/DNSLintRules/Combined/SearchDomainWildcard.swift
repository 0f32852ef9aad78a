import DNSLintModel
import LDNS
/// DNS4005: a search domain whose zone has a wildcard: every name tried under it resolves to the wildcard.
struct SearchDomainWildcard: Rule {
    let metadata = RuleMetadata(
        code: "DNS4005",
        name: "search-domain-wildcard",
        summary: "A search domain lies under a wildcard in a zone among the inputs, so names tried with it resolve to the wildcard's target instead of the real host or NXDOMAIN.",
        rationale: """
            A name with fewer dots than ndots is tried with each search domain appended before it is tried as \
            written; a name with more is tried with them after it fails. When a zone has a wildcard that covers a \
            search domain (`*.example.com` and `search example.com`), every such candidate exists: \
            `api.github.com.example.com` answers with the wildcard's records, the resolver stops there, and the \
            program connects to the wildcard's target instead of GitHub. With Kubernetes' ndots:5 that is every \
            external name a pod looks up; with ndots:1 it is every short name and every name that does not exist, \
            which resolves instead of failing. The zone is judged from the zone files among the inputs: dnslint \
            asks each one for `api.github.com.<search domain>`.
            """,
        remediation: "Remove the search domain (use fully qualified names for its hosts), or replace the wildcard with explicit records; for pods, also lower ndots so external names are tried as written first.",
        severity: .warning,
        inputs: [.resolvConf, .manifest, .zone],
        references: [
            "RFC 4592",
            "RFC 1535",
            "https://man7.org/linux/man-pages/man5/resolv.conf.5.html",
            "https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-dns-config",
        ],
        argumentKeys: [
            ArgumentKey("searchDomain", .string, "The search domain the wildcard covers."),
            ArgumentKey("probe", .string, "The name dnslint asked the zone for."),
            ArgumentKey("zone", .string, "The zone that answered it."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "a pod searching the company zone, which has a wildcard"),
        ],
        clean: [
            RuleExample("clean-1", caption: "the wildcard covers a sibling, not the search domain"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        // Zone files are inputs that answer queries too (the whole-input pass has no other views).
        let zones = context.zones.map { (view: $0.view, origin: $0.origin) }
        guard !zones.isEmpty else { return [] }
        return context.inputs(of: ResolvConf.self).compactMap { conf in
            let effective = conf.effective(for: context.options.libc)
            // The first covered domain is the one that answers; later ones are never reached.
            for domain in effective.expandingSearch where !domain.isPlaceholder {
                let searchName = DNSName(domain.text)
                let probe = DNSName("\(LookupCost.exampleName).\(searchName.text)")
                for zone in zones where searchName.isSubdomain(of: zone.origin) {
                    guard let answer = [zone.view.answer(probe, .a), zone.view.answer(probe, .aaaa)].first(where: Self.resolves),
                          let origin = answer.chain.first?.origin.location ?? answer.records.first?.origin.location
                    else { continue }
                    let target = answer.chain.first.map { "a CNAME to \($0.target.text)" } ?? "its \(answer.type) record"
                    let order = Self.searchOrder(ndots: effective.ndots, probe: probe)
                    return finding(
                        "Search domain \(domain.text)\(conf.podClause) is covered by a wildcard in zone \(zone.origin.text): \(order), and the wildcard answers with \(target), so lookups get the wildcard's target instead of the real host or NXDOMAIN.",
                        at: domain.location,
                        related: [RelatedLocation(message: "the wildcard record that answers \(probe.text)", location: origin)],
                        arguments: ["searchDomain": .string(domain.text), "probe": .string(probe.text),
                                    "zone": .string(zone.origin.text)])
                }
            }
            return nil
        }
    }

    /// When names reach the search domain, for the message.
    static func searchOrder(ndots: Int, probe: DNSName) -> String {
        if ndots > LookupCost.exampleNameDots {
            return "with ndots:\(ndots) \(LookupCost.exampleName) is tried as \(probe.text) before it is tried as written"
        }
        let short = ndots > 0 ? "names with fewer than \(ndots) dot\(ndots == 1 ? "" : "s"), and " : ""
        let domain = probe.text.dropFirst(LookupCost.exampleName.count + 1)
        return "\(short)names that do not exist as written\(short.isEmpty ? "" : ",") are tried under it as NAME.\(domain)"
    }

    /// A positive answer, or a CNAME that leads somewhere: the candidate name exists.
    static func resolves(_ answer: DNSAnswer) -> Bool {
        answer.outcome == .records || !answer.chain.isEmpty
    }
}
