import DNSLintModel
import LDNS

/// DNS1009: a name server inside the zone needs an address in the zone.
struct MissingGlue: Rule {
    let metadata = RuleMetadata(
        code: "DNS1009",
        name: "missing-glue",
        summary: "An NS record names a server inside the zone (in bailiwick) that has no A or AAAA record there.",
        rationale: """
            A resolver cannot find the address of a name server whose name lies inside the zone it serves without \
            glue: the lookup needs the zone it is trying to reach. The delegation fails, or works only while \
            caches still hold the old address.
            """,
        remediation: "Add A and/or AAAA records (glue) for the name server, or use a name server name outside the zone.",
        severity: .error,
        inputs: [.zone],
        references: ["RFC 1034 4.2.1", "RFC 9471"],
        argumentKeys: [
            ArgumentKey("server", .string, "The in-zone name server without an address record."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "a delegation whose name server has no glue"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        var found: [Finding] = []
        for zone in context.zones {
            zone.forEachServedRecord(ofTypes: [.ns]) { record in
                guard record.target >= 0, zone.name(record.target).isSubdomain(of: zone.origin) else { return }
                let hasAddress = zone.hasRecord(record.target, ofType: .a) || zone.hasRecord(record.target, ofType: .aaaa)
                guard !hasAddress else { return }
                let server = zone.name(record.target).text
                found.append(finding(
                    "The name server \(server) of \(zone.name(record.owner).text) is inside the zone but has no A or AAAA record (glue).",
                    at: zone.location(of: record), subject: zone.subject(record.owner, .ns), arguments: ["server": .string(server)]
                ))
            }
        }
        return found
    }
}
