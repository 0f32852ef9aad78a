import DNSLintModel
import LDNS
/// DNS3011: hostNetwork with dnsPolicy ClusterFirst (or none) gets the node's resolv.conf, not cluster DNS.
struct HostNetworkDNSPolicy: Rule {
    let metadata = RuleMetadata(
        code: "DNS3011",
        name: "hostnetwork-dns-policy",
        summary: "A pod with hostNetwork: true and dnsPolicy ClusterFirst (or no dnsPolicy) gets the node's resolv.conf, so cluster names do not resolve.",
        rationale: """
            For a pod on the host network the kubelet turns ClusterFirst, the default policy, into Default: the \
            pod gets the node's resolv.conf, without the cluster DNS server or the cluster search domains. It \
            starts and runs, but every lookup of a Service name (my-svc.my-ns.svc.cluster.local, or plain my-svc) \
            fails with NXDOMAIN from the node's resolver, usually found only when the pod first needs to talk to \
            another workload. Nothing warns about it: the API server accepts the pod and the kubelet logs nothing. \
            ClusterFirstWithHostNet is the policy that gives a host-network pod cluster DNS.
            """,
        remediation: "Set dnsPolicy: ClusterFirstWithHostNet; if the pod only needs the node's DNS, write dnsPolicy: Default to say so.",
        severity: .error,
        inputs: [.manifest],
        references: [
            "https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy",
            "https://github.com/kubernetes/kubernetes/blob/v1.33.0/pkg/kubelet/network/dns/dns.go",
        ],
        argumentKeys: [
            ArgumentKey("dnsPolicyWritten", .bool, "True when dnsPolicy: ClusterFirst is written out, false when it is the default."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "no dnsPolicy on a host-network DaemonSet"),
            RuleExample("triggering-2", caption: "dnsPolicy ClusterFirst written out"),
        ],
        clean: [
            RuleExample("clean-1"),
            RuleExample("clean-2", caption: "dnsPolicy Default: node DNS on purpose"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.inputs(of: ResolvConf.self).compactMap { conf in
            guard let pod = conf.pod, pod.hostNetwork, pod.policy == .clusterFirst else { return nil }
            let written = pod.policyLocation != nil
            let policy = written ? "dnsPolicy ClusterFirst" : "no dnsPolicy (ClusterFirst)"
            // The line to change: dnsPolicy when written, else hostNetwork, next to which it goes.
            let anchor = pod.policyLocation ?? pod.hostNetworkLocation ?? pod.templateLocation
            let related = written ? pod.hostNetworkLocation.map { [RelatedLocation(message: "hostNetwork: true", location: $0)] } ?? [] : []
            return finding(
                "\(pod.description) runs with hostNetwork: true and \(policy), so the kubelet gives it the node's resolv.conf instead of cluster DNS: Service names do not resolve. Use dnsPolicy: ClusterFirstWithHostNet (or Default, if node DNS is intended).",
                at: anchor, related: related, arguments: ["dnsPolicyWritten": .bool(written)])
        }
    }
}
