import DNSLintModel
import LDNS

/// DNS1011: a truncated UDP answer whose TCP retry failed (incident: `legacy.internal` refused TCP).
struct TCPFallbackFailed: PerNameRule {
    let metadata = RuleMetadata(
        code: "DNS1011",
        name: "tcp-fallback-failed",
        summary: "A server set TC on a UDP answer and the retry over TCP failed or timed out, so clients cannot get the full answer.",
        rationale: """
            A truncated UDP answer tells the client to ask again over TCP (RFC 7766 makes TCP support mandatory). \
            When TCP is blocked by a firewall or not served, clients that need the full answer fail, often \
            after a long timeout, and some keep the partial answer. dnslint retries every truncated answer over \
            TCP, the way a stub resolver does, and reports the ones that fail.
            """,
        remediation: "Allow TCP port 53 to the server and make sure it listens on TCP, or shrink the answer below the clients' UDP size.",
        severity: .error,
        inputs: [.live],
        references: ["RFC 7766 5", "RFC 1035 4.2.2", "RFC 5966"],
        argumentKeys: [
            ArgumentKey("type", .string, "The query type whose answer was truncated."),
            ArgumentKey("edns", .bool, "Whether the truncated query was sent with EDNS."),
            ArgumentKey("reason", .string, "Why the TCP retry failed (timeout, connection refused, ...)."),
            ArgumentKey("udpSize", .int, "Size of the truncated UDP answer in bytes."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "TC without EDNS, and the TCP connection is refused"),
        ],
        clean: [
            RuleExample("clean-1", caption: "the TCP retry answers"),
        ]
    )

    func check(_ audit: NameAudit) -> [Finding] {
        guard let recorded = audit.recorded else { return [] }
        let steps = recorded.steps()
        // By index: a copied exchange retained and released every part of its step for nearly every name.
        return steps.indices.compactMap { index in
            guard steps[index].step.truncated, let failure = steps[index].step.tcpFailure else { return nil }
            let item = steps[index]
            let edns = item.edns ? "with EDNS" : "without EDNS"
            return finding(
                "The \(item.type) answer for \(item.name.text) from \(item.step.server) was truncated (\(edns)) and the TCP retry failed: \(failure).",
                at: audit.anchor, subject: DNSSubject(name: item.name.text, type: item.type.mnemonic, server: item.step.server),
                arguments: ["type": .string(item.type.mnemonic), "edns": .bool(item.edns), "reason": .string(failure),
                            "udpSize": .int(item.step.udpResponse?.size ?? 0)])
        }
    }
}
