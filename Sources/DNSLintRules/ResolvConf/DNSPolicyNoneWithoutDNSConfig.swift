import DNSLintModel
import LDNS
/// DNS3009: dnsPolicy None leaves the pod with only dnsConfig, which is missing or has no server.
struct DNSPolicyNoneWithoutDNSConfig: Rule {
    let metadata = RuleMetadata(
        code: "DNS3009",
        name: "dnspolicy-none-without-dnsconfig",
        summary: "A pod has dnsPolicy None but no dnsConfig with at least one nameserver, so it has no DNS at all.",
        rationale: """
            With dnsPolicy None the kubelet ignores both the cluster DNS and the node's resolv.conf and writes \
            only what dnsConfig gives. Without dnsConfig nameservers the API server rejects the pod (at least one \
            nameserver is required), and a workload controller keeps failing to create its pods.
            """,
        remediation: "Add dnsConfig with nameservers (and searches and options as needed), or use dnsPolicy ClusterFirst.",
        severity: .error,
        inputs: [.manifest],
        references: [
            "https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy",
            "https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-dns-config",
        ],
        triggering: [
            RuleExample("triggering-1"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.inputs(of: ResolvConf.self).compactMap { conf in
            guard let pod = conf.pod, pod.policy == .none, pod.dnsConfigNameservers == 0 else { return nil }
            let what = pod.dnsConfigLocation == nil ? "no dnsConfig" : "a dnsConfig without nameservers"
            return finding(
                "dnsPolicy None for \(pod.description) comes with \(what), so the pod gets no name server; the API server rejects it.",
                at: pod.policyLocation ?? pod.templateLocation)
        }
    }
}
