import DNSLintModel
import LDNS
/// DNS3010: a pod's first search domain is not its own namespace's service domain.
struct SearchNamespaceMismatch: Rule {
    let metadata = RuleMetadata(
        code: "DNS3010",
        name: "search-namespace-mismatch",
        summary: "A pod's first search domain is not <namespace>.svc.<cluster-domain> for the namespace it runs in.",
        rationale: """
            Short service names (`db`) resolve through the first search domain, which the kubelet sets to the \
            pod's own namespace. A hand-written search list (dnsPolicy None, or a resolv.conf copied from another \
            namespace) that starts elsewhere makes `db` resolve to another namespace's service or not at all, and \
            CoreDNS autopath, which rebuilds the search path from the pod's real namespace, cannot shortcut the \
            lookups.
            """,
        remediation: "Start the search list with <namespace>.svc.<cluster-domain>, svc.<cluster-domain>, <cluster-domain>; pass --cluster-domain when the cluster does not use cluster.local.",
        severity: .warning,
        inputs: [.manifest, .resolvConf],
        references: [
            "https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#namespaces-of-services",
            "https://coredns.io/plugins/autopath/",
        ],
        argumentKeys: [
            ArgumentKey("first", .string, "The first search domain as written."),
            ArgumentKey("expected", .string, "The domain that should come first: `<namespace>.svc.<cluster-domain>`."),
        ],
        triggering: [
            RuleExample("triggering-1"),
            RuleExample("triggering-2", caption: "a pod's resolv.conf without its namespace domain"),
        ],
        clean: [
            RuleExample("clean-1"),
            RuleExample("clean-2", arguments: ["--cluster-domain", "k8s.example.net"], caption: "ClusterFirst always starts with the right domain"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.inputs(of: ResolvConf.self).compactMap { conf in
            guard let mismatch = SearchNamespaceCheck.mismatch(in: conf, options: context.options) else { return nil }
            let what = conf.pod.map { "for \($0.description)" } ?? "in \(conf.path)"
            return finding(
                "The first search domain \(what) is \(mismatch.first.text), not \(mismatch.expected): short service names resolve in the wrong namespace and CoreDNS autopath cannot rebuild this search path.",
                at: mismatch.first.location,
                arguments: ["first": .string(mismatch.first.text), "expected": .string(mismatch.expected)])
        }
    }
}
