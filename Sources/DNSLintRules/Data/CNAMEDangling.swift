import DNSLintModel
import LDNS

/// DNS1003: a CNAME into the zone's own namespace that points at nothing.
struct CNAMEDangling: PerNameRule {
    let metadata = RuleMetadata(
        code: "DNS1003",
        name: "cname-dangling",
        summary: "A CNAME chain ends at a name inside the zone that does not exist, so every lookup gets NXDOMAIN.",
        rationale: """
            A CNAME whose target was deleted or misspelt turns every query for the alias into NXDOMAIN, and \
            negative caching keeps it that way for the SOA minimum even after the fix. Offline, only targets \
            inside the zone are judged; targets elsewhere are checked by `dnslint live`. A target below a \
            delegation is the child zone's to answer (the parent gives a referral), and one below a DNAME is \
            answered by synthesis (RFC 6672), followed to its end: neither is dangling for lack of a record here.
            """,
        remediation: "Point the CNAME at an existing name, add the missing target, or remove the alias.",
        severity: .error,
        inputs: [.zone, .live],
        references: ["RFC 1034 3.6.2", "RFC 2308", "RFC 6672"],
        argumentKeys: [
            ArgumentKey("target", .string, "The name the chain ends at, which does not exist."),
        ],
        triggering: [
            RuleExample("triggering-1"),
        ],
        clean: [
            RuleExample("clean-1", caption: "targets outside the zone are not judged offline"),
            RuleExample("clean-2", caption: "a target below a delegation gets a referral; one below a DNAME is synthesized"),
        ]
    )

    func check(_ audit: NameAudit) -> [Finding] {
        let a = audit.a
        guard !a.chain.isEmpty, a.outcome == .nxDomain else { return [] }
        return [finding(
            "\(audit.subject.name.text) is a CNAME chain (\(a.chainDescription(relativeTo: audit.origin))) ending at \(a.finalName.text), which does not exist: every lookup gets NXDOMAIN.",
            at: audit.anchor, subject: audit.dnsSubject(.cname, server: a.server), related: audit.related(a),
            arguments: ["target": .string(a.finalName.text)]
        )]
    }
}
