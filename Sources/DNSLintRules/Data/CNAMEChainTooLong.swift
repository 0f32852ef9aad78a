import DNSLintModel
import LDNS

/// DNS1005: long chains cost a round trip per hop and hit resolver limits.
struct CNAMEChainTooLong: PerNameRule {
    static let maxHops = 8

    let metadata = RuleMetadata(
        code: "DNS1005",
        name: "cname-chain-too-long",
        summary: "A CNAME chain has more than 8 hops; resolvers may give up and every hop adds latency and a TTL to expire.",
        rationale: """
            Resolvers cap chain length (BIND and Unbound at 8-16 restarts, some stubs lower), and each hop outside \
            the answer's zone costs another query. Long chains also multiply the places where TTLs disagree.
            """,
        remediation: "Point the first name closer to the final target; flatten intermediate aliases you control.",
        severity: .warning,
        inputs: [.zone, .live],
        references: ["RFC 1034 5.3.3", "https://github.com/NLnetLabs/unbound/blob/master/doc/unbound.conf.rst"],
        argumentKeys: [
            ArgumentKey("hops", .int, "Number of CNAME hops in the chain."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "nine hops from c0"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    func check(_ audit: NameAudit) -> [Finding] {
        let a = audit.a
        guard a.hopCount > CNAMEChainTooLong.maxHops, a.outcome != .loop else { return [] }
        // Live, a chain still going at the prober's limit has an unknown length: say "at least".
        let length = a.outcome == .hopLimit && a.hopsNotRecorded == 0 ? "at least \(a.hopCount + 1)" : "\(a.hopCount)"
        return [finding(
            "\(audit.subject.name.text) is a CNAME chain of \(length) hops (\(a.chainDescription(relativeTo: audit.origin))), more than \(CNAMEChainTooLong.maxHops).",
            at: audit.anchor, subject: audit.dnsSubject(.cname, server: a.server), related: audit.related(a),
            arguments: ["hops": .int(a.hopCount)]
        )]
    }
}
