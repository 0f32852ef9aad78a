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
            "5 second DNS delay" in Kubernetes. It is a warning for every pod whose name server is the cluster \
            DNS Service IP, whatever its dnsPolicy: ClusterFirst pods, pods whose dnsConfig lists an address the \
            inputs give as the cluster DNS Service's (the kube-dns Service's clusterIP, a KubeletConfiguration's \
            clusterDNS), and configurations that search the cluster domains as the kubelet writes them (a pod's \
            resolv.conf file, a dnsConfig copied from one). It is a note for other hosts, and \
            nothing at all for a loopback stub resolver (127.0.0.0/8, ::1: systemd-resolved, a local cache), which \
            is reached without NAT or conntrack. The finding points at the options line that lacks the fix, or, \
            without one, at the name server the queries go to.
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
            RuleExample("triggering-3", caption: "dnsPolicy None with the kube-dns Service's address: a warning too"),
        ],
        clean: [
            RuleExample("clean-1"),
            RuleExample("clean-2", arguments: ["--libc", "musl"], caption: "musl has no such option, so nothing to advise"),
            RuleExample("clean-3", caption: "systemd-resolved's stub on the loopback: no NAT on the way"),
        ]
    )

    static let avoiding = ["single-request-reopen", "single-request", "use-vc", "no-aaaa"]

    func check(_ context: LintContext) -> [Finding] {
        guard context.options.libc == .glibc else { return [] }
        let clusterAddresses = context.clusterDNSAddresses
        let clusterDomain = context.options.clusterDomainName
        return context.inputs(of: ResolvConf.self).compactMap { conf in
            // A loopback stub (systemd-resolved, a local cache) is reached without NAT or conntrack; no nameserver
            // line means glibc's default 127.0.0.1, the same.
            guard let server = conf.nonLoopbackNameservers(libc: .glibc).first else { return nil }
            let effective = conf.effective(for: .glibc)
            guard !Self.avoiding.contains(where: effective.has) else { return nil }
            let behindDNAT = Self.clusterDNSServer(of: conf, known: clusterAddresses, clusterDomain: clusterDomain)
            let severity: Severity = behindDNAT != nil ? .warning : .note
            let context = behindDNAT.map { " Its DNS server\($0.isEmpty ? "" : " " + $0) is a Service IP behind DNAT, where the two packets race in conntrack (kubernetes#56903)." }
                ?? " Through NAT or a stateful firewall one reply can be dropped."
            // The line that decides it: the options line that lacks the fix, else the server reached through NAT.
            let anchor = conf.lines(.options).last?.location ?? server.location
            return finding(
                "The resolver\(conf.podClause) sends A and AAAA together from one socket without single-request-reopen.\(context) A lost reply stalls the lookup for timeout:\(effective.timeout) seconds.",
                at: anchor, severity: severity)
        }
    }

    /// The cluster DNS server a configuration uses, as messages name it, or nil: the kubelet's own for cluster
    /// policies (unnamed: empty), an address the inputs give as the cluster DNS Service's (whatever the
    /// dnsPolicy), or the first server of a configuration that searches the kubelet's cluster domains as a
    /// pod's does (a NodeLocal DNSCache address is link-local and not behind DNAT).
    static func clusterDNSServer(of conf: ResolvConf, known: [ClusterDNSAddress], clusterDomain: String) -> String? {
        let servers = conf.nonLoopbackNameservers(libc: .glibc)
        if conf.pod?.source == .cluster { return "" }
        if let match = servers.first(where: { server in known.contains { ResolverAddress.same($0.address, server.text) } }) {
            return match.text
        }
        guard conf.looksLikePodResolvConf(clusterDomain: clusterDomain),
              let first = servers.first, !first.isPlaceholder, !ResolverAddress.isLinkLocal(first.text) else { return nil }
        return first.text
    }
}
