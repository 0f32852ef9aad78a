import DNSLintModel
import LDNS
/// DNS4004: CoreDNS forwards to the node's resolv.conf, whose server is a loopback stub: CoreDNS itself.
struct ForwardLoopViaNodeStub: Rule {
    let metadata = RuleMetadata(
        code: "DNS4004",
        name: "forward-loop-via-node-stub",
        summary: "CoreDNS forwards to a node resolv.conf whose name server is on the loopback, which inside the CoreDNS pod is CoreDNS itself: a forwarding loop.",
        rationale: """
            `forward . /etc/resolv.conf` reads the resolv.conf of the CoreDNS pod, which the kubelet copies from \
            the node (CoreDNS runs with dnsPolicy Default). When the node's file lists a loopback stub \
            (systemd-resolved's 127.0.0.53, a local cache on 127.0.0.1), CoreDNS sends the queries to that \
            address in its own network namespace, where it listens on port 53 itself: each query comes back to \
            it and goes round until it times out. With the loop plugin CoreDNS detects this at start-up and \
            exits ("Loop ... detected for zone"), so the Deployment sits in CrashLoopBackOff and the cluster has \
            no DNS; without it every external name times out while CPU climbs. (A server block on another port \
            finds nothing listening there, and every forwarded query fails instead.) The node's file is the one a \
            KubeletConfiguration's resolvConf names; without one among the inputs, the node's /etc/resolv.conf \
            (that path, or a copy such as node-1/etc/resolv.conf) or a file named for a node (see DNS3017). Any \
            other path is a file mounted into the CoreDNS pod and is matched as written. CoreDNS on the host \
            network (a node-local cache) has no network namespace of its own and is not affected; dnslint cannot \
            tell which, so it assumes the usual Deployment.
            """,
        remediation: """
            Point the kubelet's resolvConf at the file with the real upstream servers \
            (/run/systemd/resolve/resolv.conf with systemd-resolved), or forward to explicit upstream addresses \
            instead of /etc/resolv.conf.
            """,
        severity: .error,
        inputs: [.corefile, .resolvConf, .manifest],
        references: [
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/loop/README.md#troubleshooting-loops-in-kubernetes-clusters",
            "https://kubernetes.io/docs/tasks/administer-cluster/dns-debugging-resolution/#known-issues",
            "https://github.com/coredns/coredns/issues/2087",
        ],
        argumentKeys: [
            ArgumentKey("serverBlock", .string, "The server block that forwards."),
            ArgumentKey("nameservers", .strings, "The loopback servers of the node's resolv.conf."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "the node file copied under node/etc/resolv.conf"),
        ],
        clean: [
            RuleExample("clean-1", caption: "the kubelet hands out the file with the real upstreams"),
            RuleExample("clean-2", caption: "CoreDNS forwards to explicit upstreams"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let nodes = context.nodeResolvConfs
        return context.corefileBlocks.flatMap { corefile, block in
            block.forwards.flatMap { forward in
                forward.upstreams.filter { $0.kind == .resolvConf }.compactMap { upstream -> Finding? in
                    guard let (conf, node) = context.resolvConf(readBy: upstream.text, corefile: corefile.path, nodes: nodes)
                    else { return nil }
                    let loopback = Self.loopbackServers(of: conf)
                    guard let first = loopback.first else { return nil }
                    let addresses = loopback.map(\.text)
                    let file = node.map { "the node's resolv.conf (\($0.conf.path))" } ?? conf.path
                    return finding(
                        "'\(forward.directive.summary)' in server block '\(block.title)' forwards to \(addresses.joined(separator: ", ")) from \(file); \(Self.consequence(block)).",
                        at: upstream.location,
                        related: [RelatedLocation(message: "nameserver \(first.text) on the loopback", location: first.location)]
                            + (node?.related ?? []).filter { $0.location != upstream.location },
                        arguments: ["serverBlock": .string(block.title), "nameservers": .strings(addresses)])
                }
            }
        }
    }

    /// What the loopback address is inside the CoreDNS pod: CoreDNS itself when the block listens on port 53.
    static func consequence(_ block: Corefile.ServerBlock) -> String {
        let ports = Set(block.keys.compactMap(\.port))
        guard ports.contains(53) || ports.isEmpty else {
            let listening = ports.sorted().map(String.init).joined(separator: ", ")
            return "inside the CoreDNS pod nothing answers there (CoreDNS itself listens on port \(listening)), so every forwarded query fails"
        }
        let outcome = block.has("loop")
            ? "the loop plugin detects it and stops CoreDNS, which then restarts in a loop (CrashLoopBackOff) and the cluster has no DNS"
            : "every forwarded query circles until it times out"
        return "inside the CoreDNS pod that is CoreDNS itself, so queries loop: \(outcome)"
    }

    /// CoreDNS reads every nameserver of the file (no limit of three), in order.
    static func loopbackServers(of conf: ResolvConf) -> [ResolvConfToken] {
        conf.lines(.nameserver).compactMap(\.values.first).filter { !$0.isPlaceholder && ResolverAddress.isLoopback($0.text) }
    }
}
