import DNSLintModel
import LDNS

/// DNS1007: MX, NS, SRV and SOA MNAME must name a host, not an alias.
struct TargetIsAlias: Rule {
    let metadata = RuleMetadata(
        code: "DNS1007",
        name: "target-is-alias",
        summary: "An MX exchange, NS target, SRV target or SOA MNAME is a CNAME, which these records must not point at.",
        rationale: """
            RFC 2181 10.3 forbids NS and MX targets that are aliases, and RFC 2782 says the same of SRV. Mail servers \
            and resolvers may refuse the indirection, skip the target, or do extra lookups without address \
            records in the additional section. Only targets inside the zone are judged offline. Live, each name \
            a zone declares (`--zone`, `--axfr`) is asked for the MX, NS, SRV and SOA records it holds, and every \
            target is asked, wherever it lives; a names-file line asks them when it names the types (`example.com. MX`).
            """,
        remediation: "Point the record at the canonical name (the CNAME's final target).",
        severity: .warning,
        inputs: [.zone, .live],
        references: ["RFC 2181 10.3", "RFC 2782", "RFC 1912 2.4"],
        argumentKeys: [
            ArgumentKey("target", .string, "The alias the record points at, fully qualified."),
        ],
        triggering: [
            RuleExample("triggering-1"),
            RuleExample("triggering-2", caption: "live: a server answers an MX target and an SRV target with CNAMEs"),
        ],
        clean: [
            RuleExample("clean-1"),
            RuleExample("clean-2", caption: "live: both targets are hosts"),
        ]
    )

    private static let checkedTypes = Set(RRType.hostTargetTypes)

    func check(_ context: LintContext) -> [Finding] {
        var found: [Finding] = []
        for zone in context.zones {
            zone.forEachServedRecord(ofTypes: RRType.hostTargetTypes) { record in
                let id = record.owner
                guard record.target >= 0, zone.isInZone(record.target), zone.hasRecord(record.target, ofType: .cname) else { return }
                let role = TargetIsAlias.role(record.type)
                let target = zone.name(record.target).text
                let cname = zone.records(of: record.target).first { $0.type == .cname }
                found.append(finding(
                    "The \(role) of \(zone.name(id).text) is \(target), which is a CNAME; \(record.type) records must point at a host name, not an alias.",
                    at: zone.location(of: record), subject: zone.subject(id, record.type),
                    related: cname.map { [RelatedLocation(message: "\(zone.short(record.target)) is a CNAME", location: zone.location(of: $0))] } ?? [],
                    arguments: ["target": .string(target)]
                ))
            }
        }
        return found
    }
}

/// Live: the prober asked the MX, NS, SRV and SOA records a zone (or a names-file line) said the name holds, and
/// each target's A with the name; a target answered with a CNAME is an alias. Zone files are judged from their
/// records by `check(_:)` above (in-zone targets only), so this skips them.
extension TargetIsAlias: NameRule {
    func nameChecker(_ context: LintContext) -> NameChecker? {
        { audit in
            guard audit.recorded != nil, !audit.others.isEmpty else { return [] }
            var found: [Finding] = []
            for answer in audit.others where TargetIsAlias.checkedTypes.contains(answer.type) {
                var judged: Set<DNSName> = []
                for target in answer.records.compactMap(\.target) where judged.insert(target).inserted {
                    // The target's own answer, as recorded with this name: its first hop says it is an alias.
                    let resolved = audit.answer(target, .a)
                    guard let hop = resolved.chain.first, hop.owner == target else { continue }
                    let server = hop.origin.server ?? resolved.server
                    let how = hop.dname.map { "which the DNAME at \($0.text) redirects to \(hop.target.text)" }
                        ?? "which is a CNAME to \(hop.target.text)"
                    found.append(finding(
                        "The \(TargetIsAlias.role(answer.type)) of \(audit.subject.name.text) is \(target.text), \(how)"
                            + "\(server.map { " from \($0)" } ?? ""); \(answer.type) records must point at a host name, not an alias.",
                        at: audit.anchor, subject: audit.dnsSubject(answer.type, server: answer.server),
                        related: audit.related(resolved), arguments: ["target": .string(target.text)]
                    ))
                }
            }
            return found
        }
    }

    /// What the record's target is called, as the RFCs call it.
    static func role(_ type: RRType) -> String {
        switch type {
        case .mx: "MX exchange"
        case .ns: "NS target"
        case .srv: "SRV target"
        default: "SOA MNAME"
        }
    }
}
