import DNSLintModel
import LDNS
/// DNS3002: glibc sends A and AAAA at once from one socket; through conntrack/DNAT one reply can be lost.
struct ParallelAAAASameSocket: Rule {
    let metadata = RuleMetadata(
        code: "DNS3002",
        name: "parallel-a-aaaa-same-socket",
        summary: "glibc sends the A and AAAA queries together from one UDP socket, and without single-request-reopen a conntrack race can drop one reply.",
        rationale: """
            For getaddrinfo, glibc sends the A and AAAA queries back to back from the same socket. When the \
            server is reached through NAT (a Kubernetes Service IP rewritten by kube-proxy's iptables DNAT), the \
            two packets race to create the same conntrack entry; the loser is dropped, and the lookup stalls for \
            the full timeout (5 s by default) before retrying. This is the source of the well known \
            "5 second DNS delay" in Kubernetes. It is a note for plain hosts and a warning for pods that use \
            cluster DNS.
            """,
        remediation: """
            Add `options single-request-reopen` (a new socket for the second query) or `single-request` \
            (queries one after the other); for pods: dnsConfig options [{name: single-request-reopen}]. \
            NodeLocal DNSCache avoids the DNAT altogether.
            """,
        severity: .note,
        inputs: [.resolvConf, .manifest],
        references: [
            "https://github.com/kubernetes/kubernetes/issues/56903",
            "https://man7.org/linux/man-pages/man5/resolv.conf.5.html",
            "https://kubernetes.io/docs/tasks/administer-cluster/nodelocaldns/",
        ],
        triggering: [
            RuleExample("triggering-1", caption: "a host resolv.conf (a note)"),
            RuleExample("triggering-2", caption: "a pod using cluster DNS (a warning)"),
        ],
        clean: [
            RuleExample("clean-1"),
            RuleExample("clean-2", arguments: ["--libc", "musl"], caption: "musl has no such option, so nothing to advise"),
        ]
    )

    static let avoiding = ["single-request-reopen", "single-request", "use-vc", "no-aaaa"]

    func check(_ context: LintContext) -> [Finding] {
        guard context.options.libc == .glibc else { return [] }
        return context.inputs(of: ResolvConf.self).compactMap { conf in
            // Without a nameserver line there is nothing to race (a pod with only the node's settings, or none).
            guard !conf.lines(.nameserver).isEmpty else { return nil }
            let effective = conf.effective(for: .glibc)
            guard !Self.avoiding.contains(where: effective.has) else { return nil }
            let severity: Severity = conf.isClusterDNSPod ? .warning : .note
            let context = conf.isClusterDNSPod
                ? " Its DNS server is a Service IP behind DNAT, where the two packets race in conntrack (kubernetes#56903)."
                : " Through NAT or a stateful firewall one reply can be dropped."
            return finding(
                "The resolver\(conf.podClause) sends A and AAAA together from one socket without single-request-reopen.\(context) A lost reply stalls the lookup for timeout:\(effective.timeout) seconds.",
                at: conf.lines(.options).first?.location ?? conf.anchor, severity: severity)
        }
    }
}
