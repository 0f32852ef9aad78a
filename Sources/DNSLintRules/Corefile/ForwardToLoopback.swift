import DNSLintModel
import LDNS
/// DNS2011: forward to a loopback address — inside the CoreDNS pod, CoreDNS itself.
struct ForwardToLoopback: Rule {
    let metadata = RuleMetadata(
        code: "DNS2011",
        name: "forward-to-loopback",
        summary: "A forward sends queries to a loopback address: inside the CoreDNS pod that is CoreDNS itself, so the query comes back to the same forward (a loop), or finds nothing listening.",
        rationale: """
            127.0.0.0/8 and ::1 are the pod's own network namespace. When the Corefile itself listens there on the \
            upstream's port for the forwarded zone, every query the forward sends comes straight back to the same \
            server block and forward: a loop that the loop plugin detects only at start-up (and then CoreDNS exits, \
            so the pod crash-loops), or, without loop, queries that circle until they time out. A loopback upstream \
            on a port no block of this Corefile serves has nothing behind it in a normal CoreDNS pod (a warning); with \
            hostNetwork it is the node's own resolver, such as systemd-resolved's 127.0.0.53, which often forwards \
            back to cluster DNS. Forwarding to another block of the same Corefile on another port (`127.0.0.1:5301` \
            to a block on `:5301`) is a deliberate chain and is not reported.
            """,
        remediation: "Forward to the real upstream resolvers (`forward . /etc/resolv.conf` with a node resolv.conf that does not point at a loopback stub, or explicit addresses), or to the port of the block meant to answer.",
        severity: .error,
        inputs: [.corefile],
        references: [
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/loop/README.md",
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/forward/README.md",
            "https://kubernetes.io/docs/tasks/administer-cluster/dns-debugging-resolution/#known-issues",
        ],
        argumentKeys: [
            ArgumentKey("upstream", .string, "The loopback upstream as CoreDNS dials it, e.g. 127.0.0.1:53."),
            ArgumentKey("loop", .bool, "True when a block of this Corefile serves the forwarded zone on that port: the query comes back to it."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "forward to 127.0.0.1 from the block listening on :53: a loop"),
            RuleExample("triggering-2", caption: "systemd-resolved's stub address, which nothing in the pod answers (a warning)"),
        ],
        clean: [
            RuleExample("clean-1", caption: "a chain to another block of the same Corefile on its own port"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.inputs(of: Corefile.self).flatMap { corefile -> [Finding] in
            let removed = corefile.removedLines
            return corefile.serverBlocks.flatMap { block in
                block.forwards.filter { !removed.contains(CorefileLine($0.directive.location)) }.flatMap { forward in
                    forward.directive.arguments.dropFirst().compactMap { argument -> Finding? in
                        guard let address = UpstreamAddress(argument), address.scheme == "dns", address.isLoopback else { return nil }
                        return finding(for: address, at: argument, forward: forward, block: block, corefile: corefile)
                    }
                }
            }
        }
    }

    private func finding(for address: UpstreamAddress, at argument: Corefile.Argument, forward: ForwardSettings,
                         block: Corefile.ServerBlock, corefile: Corefile) -> Finding? {
        let zone = forward.from.map { DNSName($0) } ?? .root
        // The block this Corefile hands a query for the forwarded zone to, on the upstream's port.
        let target = corefile.routes(for: zone, transport: .dns, port: address.port).first { Self.listensOnLoopback($0.block) }
        if let target, target.block.location != block.location {
            return nil
        }
        let arguments: FindingArguments = ["upstream": .string(address.text), "loop": .bool(target != nil)]
        if target != nil {
            return finding(
                "\(forward.directive.summary) sends queries to \(address.text), which inside the CoreDNS pod is this same server block '\(block.title)': every forwarded query comes back to this forward, a loop (the loop plugin makes CoreDNS exit at start-up; without it queries circle until they time out).",
                at: argument.location, arguments: arguments)
        }
        return finding(
            "\(forward.directive.summary) sends queries to \(address.text), a loopback address where this Corefile does not listen: in a CoreDNS pod nothing answers there, and with hostNetwork it is the node's own stub resolver, which often forwards back to cluster DNS.",
            at: argument.location, arguments: arguments, severity: .warning)
    }

    /// A block listens on loopback unless `bind` limits it to other addresses.
    static func listensOnLoopback(_ block: Corefile.ServerBlock) -> Bool {
        let binds = block.directives(named: "bind").flatMap(\.args)
        guard !binds.isEmpty else { return true }
        return binds.contains { $0 == "lo" || $0 == "::1" || $0.hasPrefix("127.") || $0 == "0.0.0.0" || $0 == "::" }
    }
}
