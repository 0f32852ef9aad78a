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
            records in the additional section. Only targets inside the zone are judged offline.
            """,
        remediation: "Point the record at the canonical name (the CNAME's final target).",
        severity: .warning,
        inputs: [.zone],
        references: ["RFC 2181 10.3", "RFC 2782", "RFC 1912 2.4"],
        argumentKeys: [
            ArgumentKey("target", .string, "The alias the record points at, fully qualified."),
        ],
        triggering: [
            RuleExample("triggering-1"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    private static let checkedTypes: Set<RRType> = [.mx, .ns, .srv, .soa]

    func check(_ context: LintContext) -> [Finding] {
        var found: [Finding] = []
        for zone in context.zones {
            zone.forEachOwner { id, records in
                for record in records where TargetIsAlias.checkedTypes.contains(record.type) && record.target >= 0 {
                    guard zone.isInZone(record.target), zone.hasRecord(record.target, ofType: .cname) else { continue }
                    let role = switch record.type {
                    case .mx: "MX exchange"
                    case .ns: "NS target"
                    case .srv: "SRV target"
                    default: "SOA MNAME"
                    }
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
        }
        return found
    }
}
