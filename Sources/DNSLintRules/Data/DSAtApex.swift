import DNSLintModel
import LDNS

/// DNS1018: a DS record is the parent's half of a delegation and never lives at the child's apex.
struct DSAtApex: Rule {
    let metadata = RuleMetadata(
        code: "DNS1018",
        name: "ds-at-apex",
        summary: "A DS record sits at the zone's apex; DS records belong in the parent zone, at the delegation.",
        rationale: """
            A DS record says which key signs a child zone, and it is served by the parent, beside the delegation's \
            NS records (RFC 4034 5, RFC 4035 2.4): validators ask the parent for it. At the child's own apex it is \
            never asked for there, so the chain of trust it was meant to build does not exist. BIND's \
            named-checkzone refuses to load such a zone ("DS record at top of zone"), so a deploy that loads it \
            fails. It usually means the DS meant for the registrar or the parent zone was pasted into the child.
            """,
        remediation: """
            Remove the DS record from this zone and publish it in the parent zone (through the registrar for a \
            top-level domain); keep the DNSKEY it points at here.
            """,
        severity: .error,
        inputs: [.zone],
        references: ["RFC 4034 5", "RFC 4035 2.4", "RFC 3658"],
        triggering: [
            RuleExample("triggering-1"),
        ],
        clean: [
            RuleExample("clean-1", caption: "the DS of a child zone, at its delegation"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        var found: [Finding] = []
        for zone in context.zones {
            for record in zone.records(of: zone.originID) where record.type == .ds {
                found.append(finding(
                    "The zone \(zone.origin.text) has a DS record at its apex; a DS record belongs in the parent zone, next to the delegation's NS records.",
                    at: zone.location(of: record), subject: DNSSubject(name: zone.origin.text, type: "DS")))
            }
        }
        return found
    }
}
