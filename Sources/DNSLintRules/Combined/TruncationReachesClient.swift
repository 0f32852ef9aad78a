import DNSLintModel
import LDNS

/// DNS4002: a forward that passes truncation on (DNS2005) in front of an answer that only fits with EDNS (DNS1010).
struct TruncationReachesClient: NameRule {
    let metadata = RuleMetadata(
        code: "DNS4002",
        name: "truncation-reaches-client",
        summary: "A CoreDNS forward without prefer_udp or force_tcp sends upstream a name whose answer is over 512 bytes without EDNS, so clients get the truncated answer.",
        rationale: """
            DNS2005 says a forward line would pass truncated UDP answers through; DNS1010 says a name's answer does \
            not fit 512 bytes without EDNS. Together they are a failure, not a risk: a client asking without EDNS \
            (many stub resolvers, musl, tools in minimal images) gets the TC answer straight from the upstream, often \
            a CNAME and no address, and resolution fails unless it retries over TCP itself — coredns/coredns#4183. \
            The name is routed as CoreDNS routes it (the longest server block zone, then the forward's FROM and \
            `except`); names a `file` or `secondary` zone of the same block answers never reach forward. The answer \
            size comes from the DNS view, so zone data now and live answers later count alike.
            """,
        remediation: "Add `prefer_udp` (retry over TCP on truncation) or `force_tcp` to the forward block, or make the answer fit: fewer records, a shorter CNAME chain.",
        severity: .error,
        inputs: [.corefile, .zone, .live],
        references: [
            "https://github.com/coredns/coredns/issues/4183",
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/forward/README.md",
            "RFC 1035 4.2.1",
            "RFC 7766",
        ],
        argumentKeys: [
            ArgumentKey("bytes", .int, "Size of the answer without EDNS in bytes, 0 when only the TC flag is known."),
            ArgumentKey("type", .string, "The query type of the oversized answer."),
            ArgumentKey("serverBlock", .string, "The server block whose forward handles the name."),
            ArgumentKey("forward", .string, "The forward line, as written."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "36 A records behind a CNAME: the name and the CNAME target are both too big"),
        ],
        clean: [
            RuleExample("clean-1", caption: "prefer_udp retries truncated answers over TCP"),
            RuleExample("clean-2", caption: "the zone is answered by its own server block, not forwarded"),
        ]
    )

    /// Runs in the engine's single name pass; nil when no Corefile forwards without prefer_udp or force_tcp.
    func nameChecker(_ context: LintContext) -> NameChecker? {
        guard let router = CorefileRouter(context, wanted: { !$0.forwardsPassingTruncation.isEmpty }) else { return nil }
        return { audit in
            // The data condition first: it is cheaper than routing, and most names do not meet it.
            let oversized = audit.allAnswers.filter(AnswerExceeds512.isOversized)
            guard !oversized.isEmpty else { return [] }
            let name = audit.subject.name
            let forwarding = router.blocks(serving: name).compactMap { served in
                served.block.forwardsPassingTruncation(for: name).first.map { (served, $0) }
            }
            guard let (first, forward) = forwarding.first else { return [] }
            let forwardLines = forwarding.map { served, forward in
                forward.directive.related("\(forward.directive.summary) in server block \(served.title) has neither prefer_udp nor force_tcp")
            }
            return oversized.map { answer in
                let size = answer.sizeWithoutEDNS.map { "\($0.bytes) bytes" } ?? "truncated"
                return finding(
                    "The \(answer.type) answer for \(name.text) reaches clients truncated: it is \(size) without EDNS, and '\(forward.directive.summary)' in CoreDNS server block \(first.title) passes the upstream's truncated answer through without retrying over TCP.",
                    at: audit.anchor, subject: audit.dnsSubject(answer.type, server: answer.server),
                    related: forwardLines + audit.related(answer),
                    arguments: [
                        "bytes": .int(answer.sizeWithoutEDNS?.bytes ?? 0), "type": .string(answer.type.mnemonic),
                        "serverBlock": .string(first.block.title), "forward": .string(forward.directive.summary),
                    ])
            }
        }
    }
}
