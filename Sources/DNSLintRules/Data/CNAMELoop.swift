import DNSLintModel
import LDNS

/// DNS1004: a CNAME chain that comes back to itself.
struct CNAMELoop: PerNameRule {
    let metadata = RuleMetadata(
        code: "DNS1004",
        name: "cname-loop",
        summary: "A CNAME chain loops back to a name already on it, so the name can never resolve.",
        rationale: "Resolvers follow a looping chain until their hop limit and answer SERVFAIL; clients see a timeout-like failure for every name on the loop.",
        remediation: "Break the loop: make one of the names hold address records or point outside the loop.",
        severity: .error,
        inputs: [.zone, .live],
        references: ["RFC 1034 3.6.2", "RFC 1034 5.3.3"],
        argumentKeys: [
            ArgumentKey("chain", .strings, "The names along the loop, from the audited name back to the first repeated one."),
        ],
        triggering: [
            RuleExample("triggering-1"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    func check(_ audit: NameAudit) -> [Finding] {
        let a = audit.a
        guard a.outcome == .loop else { return [] }
        return [finding(
            "\(audit.subject.name.text) is a CNAME chain that loops (\(a.chainDescription(relativeTo: audit.origin))): it can never resolve.",
            at: audit.anchor, subject: audit.dnsSubject(.cname, server: a.server), related: audit.related(a),
            arguments: ["chain": .strings(([a.name] + a.chain.map(\.target)).map(\.text))]
        )]
    }
}
