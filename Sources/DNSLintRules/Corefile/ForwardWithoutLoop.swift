import DNSLintModel
import LDNS
/// DNS2008: forwarding to the node's resolv.conf without the loop plugin.
struct ForwardWithoutLoop: Rule {
    let metadata = RuleMetadata(
        code: "DNS2008",
        name: "forward-without-loop",
        summary: "A server block forwards to /etc/resolv.conf without the loop plugin, so a forwarding loop goes undetected.",
        rationale: """
            `forward . /etc/resolv.conf` sends queries to whatever the node's resolv.conf lists. When that is a local \
            stub (systemd-resolved's 127.0.0.53, a node-local cache that forwards back to the cluster DNS) or CoreDNS \
            itself, every external query circles until it times out, CPU and memory climb, and pods see timeouts \
            instead of answers. The loop plugin sends a probe query at start-up and stops CoreDNS with a clear log \
            line when the probe comes back, which turns a silent outage into a visible crash loop with a cause.
            """,
        remediation: "Add `loop` to the server block, and point forward at real upstream resolvers (or set kubelet's --resolv-conf to a file that lists them).",
        severity: .warning,
        inputs: [.corefile],
        references: [
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/loop/README.md#troubleshooting-loops-in-kubernetes-clusters",
            "https://kubernetes.io/docs/tasks/administer-cluster/dns-debugging-resolution/#known-issues",
        ],
        argumentKeys: [
            ArgumentKey("plugin", .string, "`forward` or `proxy`."),
        ],
        triggering: [
            RuleExample("triggering-1"),
        ],
        clean: [
            RuleExample("clean-1"),
            RuleExample("clean-2", caption: "fixed upstreams"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.inputs(of: Corefile.self).flatMap { corefile -> [Finding] in
            // A line already reported as removed (proxy) is not reported again.
            let removed = corefile.removedLines
            // A release before loop existed (1.2.1) cannot add it.
            guard CoreDNSPlugins.isAvailable("loop", in: corefile.coreDNS.orLatest) else { return [] }
            return corefile.serverBlocks.flatMap { block -> [Finding] in
                guard !block.has("loop") else { return [] }
                return block.forwards.filter { $0.readsResolvConf && !removed.contains(CorefileLine($0.directive.location)) }.map { forward in
                finding("\(forward.directive.summary) forwards to the node's resolver list without the loop plugin in server block '\(block.title)', so a forwarding loop goes undetected.",
                        at: forward.directive.location, arguments: ["plugin": .string(forward.directive.name)])
                }
            }
        }
    }
}
