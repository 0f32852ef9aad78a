import DNSLintModel
import LDNS
/// DNS2005: forward to plain-DNS upstreams with neither prefer_udp nor force_tcp.
struct ForwardPassesTruncation: Rule {
    let metadata = RuleMetadata(
        code: "DNS2005",
        name: "forward-passes-truncation",
        summary: "A forward (or proxy) line sends queries to plain-DNS upstreams without `prefer_udp` or `force_tcp`, so a truncated UDP answer goes back to the client as is.",
        rationale: """
            By default forward asks upstreams over the protocol the client used. When a UDP answer does not fit \
            (over 512 bytes without EDNS, or over the client's buffer), the upstream sets TC and forward hands that \
            truncated answer back unchanged; only with `prefer_udp` does forward retry over TCP itself, and with \
            `force_tcp` it never sees truncation. Clients that do not retry over TCP, or that cache the partial \
            answer, fail to resolve large answers (long CNAME chains, many A records) — coredns/coredns#4183. \
            Upstreams over TLS, gRPC or HTTPS are not affected.
            """,
        remediation: "Add `prefer_udp` to the forward block (UDP first, TCP retry on truncation), or `force_tcp` when the upstream handles TCP load; proxy has no retry, so migrate it to forward.",
        severity: .warning,
        inputs: [.corefile],
        references: [
            "https://github.com/coredns/coredns/issues/4183",
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/forward/README.md",
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/forward/forward.go",
        ],
        argumentKeys: [
            ArgumentKey("plugin", .string, "`forward` or `proxy`."),
            ArgumentKey("upstreams", .strings, "The plain-DNS upstreams (addresses or resolv.conf paths) that can truncate."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "the stock kubeadm forward line"),
            RuleExample("triggering-2", caption: "one plain upstream among TLS ones"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.corefileBlocks.flatMap { _, block in
            block.forwardsPassingTruncation.map { forward in
                let upstreams = forward.plainUpstreams.map(\.text)
                return finding(
                    "\(forward.directive.summary) sends UDP queries to plain-DNS upstreams without prefer_udp or force_tcp, so a truncated answer goes back to the client as is.",
                    at: forward.directive.location,
                    arguments: ["upstreams": .strings(upstreams), "plugin": .string(forward.directive.name)])
            }
        }
    }
}
