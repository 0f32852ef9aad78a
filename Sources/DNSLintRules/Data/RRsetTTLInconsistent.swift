import DNSLintModel
import LDNS

/// DNS1008: all records of one RRset must share a TTL.
struct RRsetTTLInconsistent: Rule {
    let metadata = RuleMetadata(
        code: "DNS1008",
        name: "rrset-ttl-inconsistent",
        summary: "Records of one RRset (same name, class and type) carry different TTLs.",
        rationale: """
            RFC 2181 5.2 makes differing TTLs within an RRset an error: servers and caches silently use the lowest \
            (or reject the set when signing), so the TTL you wrote is not the TTL clients see.
            """,
        remediation: "Give every record of the RRset the same TTL.",
        severity: .warning,
        inputs: [.zone, .live],
        references: ["RFC 2181 5.2"],
        argumentKeys: [
            ArgumentKey("ttls", .ints, "The first TTL of the RRset and the differing one, in seconds."),
        ],
        triggering: [
            RuleExample("triggering-1"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        var found: [Finding] = []
        // Reused across owners: most hold one to three RRsets, where a linear scan beats building hash tables
        // per owner; an owner with many RRsets also gets a dictionary, so the scan stays linear in its records.
        var firstOfSet: [(key: UInt32, record: ZoneRecord)] = []
        var manySets: [UInt32: ZoneRecord] = [:]
        var reported: Set<UInt32> = []
        for zone in context.zones {
            zone.forEachOwner(withAtLeast: 2) { id, records in
                firstOfSet.removeAll(keepingCapacity: true)
                if !manySets.isEmpty { manySets.removeAll() }
                if !reported.isEmpty { reported.removeAll() }
                for record in records where record.type != .rrsig {
                    let key = UInt32(record.type.rawValue) << 16 | UInt32(record.rrClass)
                    let known = firstOfSet.count <= 16 ? firstOfSet.first { $0.key == key }?.record : manySets[key]
                    guard let first = known else {
                        firstOfSet.append((key, record))
                        if firstOfSet.count > 16 {
                            if manySets.isEmpty { for set in firstOfSet { manySets[set.key] = set.record } }
                            manySets[key] = record
                        }
                        continue
                    }
                    guard first.ttl != record.ttl, reported.insert(key).inserted else { continue }
                    found.append(finding(
                        "The \(record.type) records of \(zone.name(id).text) have TTLs \(first.ttl) and \(record.ttl); an RRset must have one TTL.",
                        at: zone.location(of: record), subject: zone.subject(id, record.type),
                        related: [RelatedLocation(message: "\(record.type) with TTL \(first.ttl)", location: zone.location(of: first))],
                        arguments: ["ttls": .ints([Int(first.ttl), Int(record.ttl)])]
                    ))
                }
            }
        }
        return found
    }
}

/// Live: one answer's records of one RRset came back with different TTLs. Zone files are judged from their
/// records by `check(_:)` above.
extension RRsetTTLInconsistent: NameRule {
    func nameChecker(_ context: LintContext) -> NameChecker? {
        { audit in
            guard audit.recorded != nil else { return [] }
            return audit.allAnswers.compactMap { answer in
                let ttls = answer.records.map(\.ttl)
                guard let first = ttls.first, let other = ttls.first(where: { $0 != first }) else { return nil }
                let server = answer.server.map { " from \($0)" } ?? ""
                return finding(
                    "The \(answer.type) records of \(answer.finalName.text) came back with TTLs \(first) and \(other)\(server); an RRset must have one TTL.",
                    at: audit.anchor, subject: DNSSubject(name: answer.finalName.text, type: answer.type.mnemonic, server: answer.server),
                    related: audit.related(answer), arguments: ["ttls": .ints([Int(first), Int(other)])]
                )
            }
        }
    }
}
