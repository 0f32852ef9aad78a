import DNSLintModel
import LDNS

/// DNS1010: answers that only fit with EDNS or TCP (incident 2: truncation passed through to clients).
struct AnswerExceeds512: PerNameRule {
    static let limit = 512

    let metadata = RuleMetadata(
        code: "DNS1010",
        name: "answer-exceeds-512",
        summary: "The answer to a name and type is over 512 bytes without EDNS, so clients without EDNS get a truncated answer.",
        rationale: """
            A UDP answer over 512 bytes to a query without EDNS is truncated (TC set). Clients must retry over TCP; \
            many stub resolvers and proxies do not, and CoreDNS `forward` without `prefer_udp`/`force_tcp` passes \
            the truncated answer through, so the client gets a CNAME and no address. The size is computed with \
            ldns' own encoder (name compression included), as a server would send it before truncation.
            """,
        remediation: "Return fewer records (a load balancer, a smaller RRset, shorter TXT), or make sure every client path uses EDNS or TCP.",
        severity: .warning,
        inputs: [.zone, .live],
        references: ["RFC 1035 4.2.1", "RFC 6891", "RFC 7766", "https://github.com/coredns/coredns/issues/4183"],
        argumentKeys: [
            ArgumentKey("bytes", .int, "Size of the answer without EDNS in bytes, 0 when only the TC flag is known."),
            ArgumentKey("records", .int, "Records in the answer, CNAME hops included."),
            ArgumentKey("type", .string, "The query type of the oversized answer."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "a TXT answer of about 560 bytes"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    /// The rule's condition, shared with DNS4002: over 512 bytes (exactly counted) or TC set without EDNS.
    static func isOversized(_ answer: DNSAnswer) -> Bool {
        let oversized = answer.sizeWithoutEDNS.map { $0.exact && $0.bytes > limit } ?? false
        return oversized || answer.truncatedWithoutEDNS == true
    }

    func check(_ audit: NameAudit) -> [Finding] {
        // Almost every name fits: ask before `allAnswers` copies the answers.
        guard Self.isOversized(audit.a) || Self.isOversized(audit.aaaa) || audit.others.contains(where: Self.isOversized) else {
            return []
        }
        return audit.allAnswers.compactMap { answer in
            guard Self.isOversized(answer) else { return nil }
            let size = answer.sizeWithoutEDNS
            let bytes = size.map { "\($0.bytes) bytes" } ?? "more than 512 bytes (TC set)"
            let count = answer.chain.count + answer.records.count
            let via = answer.chain.isEmpty ? "" : " including its CNAME chain"
            return finding(
                "The \(answer.type) answer for \(audit.subject.name.text) is \(bytes) with \(count.counted("record"))\(via): a client without EDNS gets it truncated.",
                at: audit.anchor, subject: audit.dnsSubject(answer.type, server: answer.server),
                related: audit.related(answer),
                arguments: ["bytes": .int(size?.bytes ?? 0), "records": .int(count), "type": .string(answer.type.mnemonic)]
            )
        }
    }
}
