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
            zone.forEachOwner(withAtLeast: 2) { id, records in
                for (record, first) in zone.repeats(in: records) {
                    found.append(finding(
                        "The \(record.type) record of \(zone.name(id).text) at this line repeats an earlier one with the same data.",
                        at: zone.location(of: record), subject: zone.subject(id, record.type),
                        related: [RelatedLocation(message: "first written here", location: zone.location(of: first))]
                    ))
                }
            }
        }
        return found
    }
}

extension ZoneContents {
    /// Each record that repeats an earlier one of the owner, with the first record holding that data, in input order.
    func repeats(in records: ArraySlice<ZoneRecord>) -> [(record: ZoneRecord, first: ZoneRecord)] {
        var result: [(record: ZoneRecord, first: ZoneRecord)] = []
        // A handful of records: comparing pairs is cheaper than hashing. Many (an owner with 100k records):
        // hashing keeps the pass linear.
        if records.count <= 16 {
            for (position, record) in records.enumerated() {
                if let first = records.prefix(position).first(where: { sameData($0, record) }) {
                    result.append((record, first))
                }
            }
            return result
        }
        // Hash of type, class and rdata -> the first record of each distinct data with that hash.
        var firsts: [Int: [ZoneRecord]] = [:]
        firsts.reserveCapacity(records.count)
        for record in records {
            let key = dataHash(record)
            if let first = firsts[key]?.first(where: { sameData($0, record) }) {
                result.append((record, first))
            } else {
                firsts[key, default: []].append(record)
            }
        }
        return result
    }

    private func dataHash(_ record: ZoneRecord) -> Int {
        var hasher = Hasher()
        hasher.combine(record.type.rawValue)
        hasher.combine(record.rrClass)
        rdataBytes(of: record).withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }
}

extension ZoneContents {
    /// Same type, class and rdata bytes.
    func sameData(_ lhs: ZoneRecord, _ rhs: ZoneRecord) -> Bool {
        guard lhs.type == rhs.type, lhs.rrClass == rhs.rrClass, lhs.rdataLength == rhs.rdataLength else { return false }
        return rdataBytes(of: lhs).elementsEqual(rdataBytes(of: rhs))
    }
}
