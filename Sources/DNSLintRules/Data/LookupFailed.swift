import DNSLintModel
import LDNS

/// DNS1013: no usable answer after retries. A finding, never a usage error (exit 2).
struct LookupFailed: PerNameRule {
    let metadata = RuleMetadata(
        code: "DNS1013",
        name: "lookup-failed",
        summary: "A name's A or AAAA lookup (or a CNAME hop on the way) timed out, failed with SERVFAIL or REFUSED, or got a malformed reply after every retry.",
        rationale: """
            A name that does not resolve breaks every client that uses it, and a resolver that times out makes \
            them wait seconds per attempt and per search domain. dnslint retries timeouts, malformed replies and \
            SERVFAIL before reporting, so a finding means the failure was repeatable during the run.
            """,
        remediation: "Check that the server is reachable and serves the zone (or forwards to a server that does); read the server's logs for SERVFAIL causes such as DNSSEC failures or lame delegations.",
        severity: .error,
        inputs: [.live],
        references: ["RFC 1035 4.1.1", "RFC 8914"],
        argumentKeys: [
            ArgumentKey("failures", .strings, "Each failed type with its reason, e.g. `A timeout`; a failure at a CNAME hop adds `at NAME`."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "A times out on every try, AAAA gets SERVFAIL"),
        ],
        clean: [
            RuleExample("clean-1", caption: "a retry answers; NXDOMAIN is an answer"),
        ]
    )

    func check(_ audit: NameAudit) -> [Finding] {
        guard audit.recorded != nil else { return [] }
        var failed: [(RRType, String, DNSAnswer)] = []
        for answer in [audit.a, audit.aaaa] {
            // FORMERR to an EDNS query is DNS1012's finding.
            guard case .failed(let reason) = answer.outcome, reason != "FORMERR" else { continue }
            failed.append((answer.type, reason, answer))
        }
        guard let first = failed.first else { return [] }
        let parts = failed.map { type, reason, answer in
            let hop = answer.chain.isEmpty ? "" : " at \(answer.finalName.text)"
            return "\(type) \(reason)\(hop)"
        }
        return [finding(
            "Lookups for \(audit.subject.name.text) failed on \(first.2.server ?? "the server"): \(parts.joined(separator: ", ")).",
            at: audit.anchor, subject: audit.dnsSubject(first.0, server: first.2.server), related: audit.related(first.2),
            arguments: ["failures": .strings(parts)])]
    }
}
