import DNSLintModel
import LDNS

/// DNS1014: A and AAAA of a name, or of a search-list expansion of it, disagree on whether it exists.
struct SearchPathRcodeSplit: PerNameRule {
    let metadata = RuleMetadata(
        code: "DNS1014",
        name: "search-path-rcode-split",
        summary: "For a name or a search-list expansion of it, A and AAAA answers carry different rcodes (one NXDOMAIN, one NOERROR).",
        rationale: """
            glibc and musl send A and AAAA for each search-list candidate in parallel and judge the pair. A \
            NOERROR on one type tells them the candidate exists, so they stop walking the search list there and \
            return what that candidate has (often nothing, or the wrong address) instead of trying the real name. \
            In Kubernetes, with ndots:5, every external name is first tried under the pod's search domains, so \
            an inconsistent answer for `NAME.<namespace>.svc.cluster.local` (from autopath, a stub domain or a \
            cache holding one type longer than the other) breaks the lookup.
            """,
        remediation: "Make the server answer both types alike for names that do not exist (check autopath, rewrite and stub domains, and A/AAAA TTLs), or use fully qualified names with a trailing dot.",
        severity: .error,
        inputs: [.live],
        references: ["https://github.com/kubernetes/kubernetes/issues/56903", "https://github.com/coredns/coredns/issues/3765",
                     "man 5 resolv.conf (search, ndots)"],
        argumentKeys: [
            ArgumentKey("expanded", .string, "The search-list candidate whose A and AAAA rcodes differ."),
            ArgumentKey("searchDomain", .string, "The search domain that made the candidate."),
            ArgumentKey("aRcode", .string, "Rcode of the A answer for the candidate."),
            ArgumentKey("aaaaRcode", .string, "Rcode of the AAAA answer for the candidate."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "A NXDOMAIN but AAAA NOERROR under the namespace domain"),
        ],
        clean: [
            RuleExample("clean-1", caption: "both types NXDOMAIN"),
        ]
    )

    func check(_ audit: NameAudit) -> [Finding] {
        guard let recorded = audit.recorded else { return [] }
        var found = splitOnTheName(audit, recorded).map { [$0] } ?? []
        let stem = String(audit.subject.name.text.dropLast())
        found += recorded.search.compactMap { domain in
            let expanded = DNSName(stem + "." + domain.text)
            guard let a = recorded.step(expanded, .a, edns: true), let aaaa = recorded.step(expanded, .aaaa, edns: true),
                  let aCode = a.response?.rcodeValue, let aaaaCode = aaaa.response?.rcodeValue,
                  Set([aCode, aaaaCode]) == [0, 3] else { return nil }
            let aText = a.response?.rcode ?? "?"
            let aaaaText = aaaa.response?.rcode ?? "?"
            return finding(
                "\(expanded.text) gets \(aText) for A but \(aaaaText) for AAAA from \(a.server): a client expanding \(stem) through the search domain \(domain.text) stops there instead of trying the real name.",
                at: audit.anchor, subject: DNSSubject(name: expanded.text, type: aCode == 3 ? "AAAA" : "A", server: a.server),
                arguments: ["expanded": .string(expanded.text), "searchDomain": .string(domain.text),
                            "aRcode": .string(aText), "aaaaRcode": .string(aaaaText)])
        }
        return found
    }

    /// The audited name itself: NXDOMAIN says nothing exists there, NOERROR for the other type says it does.
    private func splitOnTheName(_ audit: NameAudit, _ recorded: RecordedQueries) -> Finding? {
        let name = audit.subject.name
        guard let a = recorded.step(name, .a, edns: true), let aaaa = recorded.step(name, .aaaa, edns: true),
              let aCode = a.response?.rcodeValue, let aaaaCode = aaaa.response?.rcodeValue,
              Set([aCode, aaaaCode]) == [0, 3] else { return nil }
        let aText = a.response?.rcode ?? "?"
        let aaaaText = aaaa.response?.rcode ?? "?"
        return finding(
            "\(name.text) gets \(aText) for A but \(aaaaText) for AAAA from \(a.server): the server says the name both does and does not exist, so resolvers cache the two halves apart and a client walking a search list stops or fails on it.",
            at: audit.anchor, subject: DNSSubject(name: name.text, type: aCode == 3 ? "AAAA" : "A", server: a.server),
            arguments: ["expanded": .string(name.text), "aRcode": .string(aText), "aaaaRcode": .string(aaaaText)])
    }
}
