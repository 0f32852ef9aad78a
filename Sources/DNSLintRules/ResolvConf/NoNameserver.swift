import DNSLintModel
import LDNS
/// DNS3012: a resolv.conf without a usable nameserver line: the libc queries 127.0.0.1.
struct NoNameserver: Rule {
    let metadata = RuleMetadata(
        code: "DNS3012",
        name: "no-nameserver",
        summary: "A resolv.conf has no usable nameserver line, so glibc and musl send every query to 127.0.0.1.",
        rationale: """
            Without a nameserver (or with only lines the resolver cannot read, DNS0003), glibc and musl fall back \
            to 127.0.0.1 port 53. On a host that runs a local cache there this happens to work; everywhere else, \
            in containers above all, nothing listens there and every lookup fails after the full timeout, with an \
            error that says nothing about the missing line. The kubelet copies such a file into dnsPolicy Default \
            pods as it is. Pods built from manifests always get a name server (dnsPolicy None without one is \
            DNS3009), so this rule judges resolv.conf files.
            """,
        remediation: "Add a nameserver line with the address of the resolver to use (127.0.0.1 included, if a local cache is the intent: say so).",
        severity: .warning,
        inputs: [.resolvConf],
        references: [
            "https://man7.org/linux/man-pages/man5/resolv.conf.5.html",
            "https://sourceware.org/git/?p=glibc.git;a=blob;f=resolv/res_init.c",
            "https://git.musl-libc.org/cgit/musl/tree/src/network/resolvconf.c",
        ],
        triggering: [
            RuleExample("triggering-1", caption: "a search line and options, but no server"),
            RuleExample("triggering-2", caption: "the only server has a port glued to it"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.inputs(of: ResolvConf.self).compactMap { conf in
            guard conf.pod == nil, conf.effective(for: context.options.libc).nameservers.isEmpty else { return nil }
            let unusable = conf.lines(.nameserver)
            let what = unusable.isEmpty
                ? "has no nameserver line"
                : "has no usable nameserver line (\(unusable.count == 1 ? "the only one does not hold" : "none of its \(unusable.count) holds") an address glibc and musl read)"
            return finding(
                "This resolv.conf \(what), so glibc and musl send every query to 127.0.0.1, where nothing may be listening.",
                at: unusable.first?.location ?? conf.anchor)
        }
    }
}
