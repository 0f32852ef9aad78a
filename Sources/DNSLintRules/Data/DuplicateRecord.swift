import DNSLintModel
import LDNS

/// DNS1015: the same record written twice.
struct DuplicateRecord: Rule {
    let metadata = RuleMetadata(
        code: "DNS1015",
        name: "duplicate-record",
        summary: "The same record (name, class, type and data) appears more than once.",
        rationale: "An RRset is a set: servers drop duplicates, so the second copy is dead text that hides which TTL or comment is meant, and often marks a merge mistake.",
        remediation: "Delete the duplicate.",
        severity: .warning,
        inputs: [.zone],
        references: ["RFC 2181 5"],
        triggering: [
            RuleExample("triggering-1"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        var found: [Finding] = []
        for zone in context.zones {
            zone.forEachOwner { id, records in
                guard records.count > 1 else { return }
                // Owners hold a handful of records: comparing pairs is cheaper than hashing them.
                for (position, record) in records.enumerated() {
                    let earlier = records.prefix(position)
                    if let first = earlier.first(where: { zone.sameData($0, record) }) {
                        found.append(finding(
                            "The \(record.type) record of \(zone.name(id).text) at this line repeats an earlier one with the same data.",
                            at: zone.location(of: record), subject: zone.subject(id, record.type),
                            related: [RelatedLocation(message: "first written here", location: zone.location(of: first))]
                        ))
                    }
                }
            }
        }
        return found
    }

}

extension ZoneContents {
    /// Same type, class and rdata bytes.
    func sameData(_ lhs: ZoneRecord, _ rhs: ZoneRecord) -> Bool {
        guard lhs.type == rhs.type, lhs.rrClass == rhs.rrClass, lhs.rdataLength == rhs.rdataLength else { return false }
        return rdataBytes(of: lhs).elementsEqual(rdataBytes(of: rhs))
    }
}
