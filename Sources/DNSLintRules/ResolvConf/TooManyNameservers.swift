import DNSLintModel
import LDNS
/// DNS3004: resolvers use only the first three name servers (MAXNS).
struct TooManyNameservers: Rule {
    let metadata = RuleMetadata(
        code: "DNS3004",
        name: "too-many-nameservers",
        summary: "More than three name servers are listed; glibc, musl and the kubelet use only the first three.",
        rationale: """
            glibc and musl keep at most MAXNS = 3 name servers; the kubelet cuts a pod's list to three as well. \
            Servers past the third are never queried, so a fallback added at the end of the list (often the one \
            meant for outages) does nothing.
            """,
        remediation: "Keep at most three nameserver lines, in order of preference; put a local caching resolver in front if more upstreams are needed.",
        severity: .warning,
        inputs: [.resolvConf, .manifest],
        references: [
            "https://man7.org/linux/man-pages/man5/resolv.conf.5.html",
            "https://git.musl-libc.org/cgit/musl/tree/src/network/lookup.h",
            "https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-dns-config",
        ],
        argumentKeys: [
            ArgumentKey("used", .strings, "The name servers resolvers query (the first 3)."),
            ArgumentKey("ignored", .strings, "The name servers after the third, never queried."),
        ],
        triggering: [
            RuleExample("triggering-1"),
            RuleExample("triggering-2", caption: "three dnsConfig servers after the cluster DNS server"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.inputs(of: ResolvConf.self).compactMap { conf in
            let effective = conf.effective(for: context.options.libc)
            guard let first = effective.ignoredNameservers.first else { return nil }
            let ignored = effective.ignoredNameservers.map(\.text)
            return finding(
                "nameserver \(first.text)\(conf.podClause) is never queried: resolvers use only the first 3 name servers, so \(ignored.joined(separator: ", ")) \(ignored.count == 1 ? "is" : "are") ignored.",
                at: first.location,
                related: effective.ignoredNameservers.dropFirst().map { RelatedLocation(message: "also ignored: \($0.text)", location: $0.location) },
                arguments: ["used": .strings(effective.nameservers.map(\.text)), "ignored": .strings(ignored)])
        }
    }
}
