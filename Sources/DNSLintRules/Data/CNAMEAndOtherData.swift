import DNSLintModel
import LDNS

/// DNS1006: a CNAME must be alone at its name.
struct CNAMEAndOtherData: Rule {
    let metadata = RuleMetadata(
        code: "DNS1006",
        name: "cname-and-other-data",
        summary: "A name holds a CNAME together with other data (or several CNAMEs), which DNS forbids.",
        rationale: """
            A CNAME says "this name is another name", so nothing else may live there (RFC 1034 3.6.2, RFC 2181 10.1). \
            Servers refuse such zones or answer inconsistently depending on the query type; a CNAME at the zone \
            apex breaks the SOA and NS records every resolver needs. DNSSEC records (RRSIG, NSEC, NSEC3) are allowed.
            """,
        remediation: "Keep only the CNAME, or replace it with the target's records; at the apex use A/AAAA (or your provider's ALIAS) instead.",
        severity: .error,
        inputs: [.zone, .live],
        references: ["RFC 1034 3.6.2", "RFC 2181 10.1", "RFC 4035 2.5"],
        argumentKeys: [
            ArgumentKey("otherTypes", .strings, "The other record types at the CNAME's name, sorted (not set when the finding is about several CNAMEs)."),
        ],
        triggering: [
            RuleExample("triggering-1"),
            RuleExample("triggering-2", caption: "a CNAME at the apex"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        var found: [Finding] = []
        for zone in context.zones {
            var lastOwner: Int32 = -1
            // Only owners with a CNAME can break the rule: visited once each, at their first CNAME.
            zone.forEachServedRecord(ofTypes: [.cname]) { cname in
                let id = cname.owner
                guard id != lastOwner else { return }
                lastOwner = id
                let records = zone.servedRecords(of: id)
                // Most owners are fine: tell that without building arrays or the name's text.
                let cnameCount = records.count { $0.type == .cname }
                guard cnameCount > 1 || (cnameCount == 1 && records.contains { $0.type != .cname && !$0.type.isDNSSECMeta }) else { return }
                let cnames = records.filter { $0.type == .cname }
                guard let first = cnames.first else { return }
                let others = records.filter { $0.type != .cname && !$0.type.isDNSSECMeta }
                let name = zone.name(id).text
                if cnames.count > 1 {
                    found.append(finding("\(name) has \(cnames.count) CNAME records; a name can be an alias for only one name.",
                                         at: zone.location(of: cnames[cnames.startIndex + 1]), subject: zone.subject(id, .cname),
                                         related: [RelatedLocation(message: "first CNAME", location: zone.location(of: first))]))
                }
                guard !others.isEmpty else { return }
                let types = Array(Set(others.map(\.type))).sorted().map(\.mnemonic)
                let apex = id == zone.originID ? " at the zone apex" : ""
                found.append(finding(
                    "\(name) has a CNAME\(apex) and also \(types.joined(separator: ", ")) records; a CNAME must be the only data at its name.",
                    at: zone.location(of: first), subject: zone.subject(id, .cname),
                    related: others.prefix(5).map { RelatedLocation(message: "\($0.type) record at the same name", location: zone.location(of: $0)) },
                    arguments: ["otherTypes": .strings(types)]
                ))
            }
        }
        return found
    }
}

/// Live: a server holding a CNAME beside other data answers by query type, a CNAME for one type and the
/// name's own records for another. Zone files are judged from their records by `check(_:)` above.
extension CNAMEAndOtherData: NameRule {
    func nameChecker(_ context: LintContext) -> NameChecker? {
        { audit in
            guard audit.recorded != nil else { return [] }
            let answers = audit.allAnswers
            guard let aliased = answers.first(where: { $0.chain.first?.owner == audit.subject.name }),
                  let hop = aliased.chain.first else { return [] }
            let direct = answers.filter { $0.chain.isEmpty && !$0.records.isEmpty }
            guard !direct.isEmpty else { return [] }
            let types = direct.map(\.type.mnemonic)
            let server = aliased.server.map { " from \($0)" } ?? ""
            return [finding(
                "\(audit.subject.name.text) is answered for \(aliased.type) with a CNAME to \(hop.target.text) but for "
                    + "\(types.joined(separator: ", ")) with its own records\(server); a CNAME must be the only data at its name.",
                at: audit.anchor, subject: audit.dnsSubject(.cname, server: aliased.server),
                related: audit.related(aliased) + direct.flatMap { audit.related($0) },
                arguments: ["otherTypes": .strings(types)]
            )]
        }
    }
}
