import DNSLintModel
import LDNS
/// DNS3017: a node's resolv.conf lists a loopback stub, which pods that get the file cannot reach.
struct LoopbackNameserverOnNode: Rule {
    let metadata = RuleMetadata(
        code: "DNS3017",
        name: "loopback-nameserver-on-node",
        summary: "A node's resolv.conf lists a loopback name server (127.0.0.53 systemd-resolved, 127.0.0.1 a local cache), which the pods and CoreDNS that get the file cannot reach.",
        rationale: """
            The kubelet copies the node's resolv.conf (its resolvConf setting, /etc/resolv.conf by default) into \
            every pod with dnsPolicy Default, CoreDNS among them, and into host-network pods without \
            ClusterFirstWithHostNet. In a pod's own network namespace 127.0.0.53 or 127.0.0.1 is the pod's \
            loopback: nothing answers there, so lookups wait for the timeout before the next server is tried, or \
            fail; for CoreDNS, which listens on port 53 of every address in its pod, `forward . /etc/resolv.conf` \
            becomes a forwarding loop (DNS4004). dnslint takes a resolv.conf for a node's only when the inputs say \
            so: a KubeletConfiguration's resolvConf names it; or, without a KubeletConfiguration among the inputs, \
            it is the /etc/resolv.conf that a Corefile's `forward . /etc/resolv.conf` reads in the CoreDNS pod \
            (that path, or a copy such as node-1/etc/resolv.conf), or its name or folder says node or kubelet \
            (node.resolv.conf, nodes/worker-1/resolv.conf). A pod's resolv.conf (one that searches the cluster \
            domains) is never taken for a node's.
            """,
        remediation: """
            Point the kubelet at the file that lists the real upstream servers (resolvConf: \
            /run/systemd/resolve/resolv.conf with systemd-resolved; kubeadm does this when it detects it), or list \
            those servers in the node's resolv.conf, or make CoreDNS forward to explicit upstream addresses.
            """,
        severity: .warning,
        inputs: [.resolvConf, .corefile, .manifest],
        references: [
            "https://kubernetes.io/docs/tasks/administer-cluster/dns-debugging-resolution/#known-issues",
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/loop/README.md#troubleshooting-loops-in-kubernetes-clusters",
            "https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/",
        ],
        argumentKeys: [
            ArgumentKey("nameserver", .string, "The loopback address."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "systemd-resolved's stub in a file named for the node"),
            RuleExample("triggering-2", caption: "the kubelet's resolvConf is the stub file"),
        ],
        clean: [
            RuleExample("clean-1", caption: "the kubelet reads the file with the real upstreams"),
            RuleExample("clean-2", caption: "nothing says the file is a node's"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.nodeResolvConfs.flatMap { node in
            node.loopbackNameservers.map { server in
                finding(
                    "nameserver \(server.text) is \(Self.describe(server.text)) on the node's loopback, and this is the node's resolv.conf (\(node.reason)): pods that get it from the kubelet (dnsPolicy Default, CoreDNS among them) have their own loopback, where nothing answers or CoreDNS answers itself.",
                    at: server.location, related: node.related, arguments: ["nameserver": .string(server.text)])
            }
        }
    }

    static func describe(_ address: String) -> String {
        switch address {
        case "127.0.0.53", "127.0.0.54": "systemd-resolved's stub"
        default: "a resolver"
        }
    }
}
