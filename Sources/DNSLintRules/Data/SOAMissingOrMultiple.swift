import DNSLintModel
import LDNS

/// DNS1016: exactly one SOA, at the apex.
struct SOAMissingOrMultiple: Rule {
    let metadata = RuleMetadata(
        code: "DNS1016",
        name: "soa-missing-or-multiple",
        summary: "The zone has no SOA record at its apex, more than one, or an SOA at another name.",
        rationale: "Every zone has exactly one SOA at its apex (RFC 1035 5.2): servers refuse to load a zone without it, and negative caching (RFC 2308) and zone transfers depend on it.",
        remediation: "Keep exactly one SOA record, owned by the zone's origin.",
        severity: .error,
        inputs: [.zone],
        references: ["RFC 1035 5.2", "RFC 2308", "RFC 1034 4.3.4"],
        triggering: [
            RuleExample("triggering-1", caption: "no SOA"),
            RuleExample("triggering-2", caption: "two SOA records"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        var found: [Finding] = []
        for zone in context.zones {
            let apexSOAs = zone.records(of: zone.originID).filter { $0.type == .soa }
            if apexSOAs.isEmpty {
                // An empty file is the common case: say the zone holds nothing rather than only "no SOA".
                let holdsNothing = (0..<Int32(zone.nameCount)).allSatisfy { zone.records(of: $0).isEmpty }
                let message = holdsNothing
                    ? "The zone \(zone.origin.text) holds no records, so it has no SOA record at its apex: \(zone.path) is empty or none of its lines is a record."
                    : "The zone \(zone.origin.text) has no SOA record at its apex."
                found.append(finding(message,
                                     at: SourceLocation(path: zone.path, line: 1), subject: DNSSubject(name: zone.origin.text, type: "SOA")))
            } else if apexSOAs.count > 1 {
                found.append(finding("The zone \(zone.origin.text) has \(apexSOAs.count) SOA records; it must have exactly one.",
                                     at: zone.location(of: apexSOAs[apexSOAs.startIndex + 1]), subject: DNSSubject(name: zone.origin.text, type: "SOA"),
                                     related: [RelatedLocation(message: "first SOA", location: zone.location(of: apexSOAs[apexSOAs.startIndex]))]))
            }
            var lastOwner: Int32 = -1
            zone.forEachServedRecord(ofTypes: [.soa]) { soa in
                // One finding per owner, at its first SOA.
                let id = soa.owner
                guard id != zone.originID, id != lastOwner else { return }
                lastOwner = id
                found.append(finding("\(zone.name(id).text) has an SOA record but is not the zone's origin \(zone.origin.text).",
                                     at: zone.location(of: soa), subject: zone.subject(id, .soa)))
            }
        }
        return found
    }
}
