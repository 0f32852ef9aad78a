import DNSLintModel
import LDNS
/// DNS3008: with the configured timeout and attempts, a dead server makes lookups take very long.
struct SlowFailover: Rule {
    let metadata = RuleMetadata(
        code: "DNS3008",
        name: "slow-failover",
        summary: "timeout x attempts x name servers exceeds 10 seconds, so a lookup can hang that long before it fails.",
        rationale: """
            The stub resolver waits `timeout` seconds for each server and goes round the list `attempts` times. \
            When the servers do not answer (a dead first server, a dropped packet, a network partition), a \
            lookup takes up to timeout x attempts x servers before the application sees an error; most client \
            timeouts and health checks give up sooner, so the failure shows as a hang rather than a DNS error.
            """,
        remediation: "Lower timeout (options timeout:2) or attempts, or list fewer servers; put the most reliable server first, or add rotate.",
        severity: .note,
        inputs: [.resolvConf, .manifest],
        references: [
            "https://man7.org/linux/man-pages/man5/resolv.conf.5.html",
            "https://sourceware.org/git/?p=glibc.git;a=blob;f=resolv/res_send.c",
        ],
        argumentKeys: [
            ArgumentKey("seconds", .int, "Longest time a failing lookup takes: timeout x attempts x name servers."),
            ArgumentKey("timeout", .int, "Effective timeout in seconds."),
            ArgumentKey("attempts", .int, "Effective attempts."),
            ArgumentKey("nameservers", .int, "Name servers tried (at most 3)."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "the defaults with three servers: 30 s"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    static let limitSeconds = 10

    func check(_ context: LintContext) -> [Finding] {
        context.inputs(of: ResolvConf.self).compactMap { conf in
            let effective = conf.effective(for: context.options.libc)
            let servers = max(1, effective.nameservers.count)  // none listed: the default 127.0.0.1
            let total = effective.timeout * effective.attempts * servers
            guard total > Self.limitSeconds else { return nil }
            let location = effective.timeoutToken?.location ?? effective.attemptsToken?.location
                ?? effective.nameservers.last?.location ?? conf.anchor
            return finding(
                "A lookup\(conf.podClause) can take up to \(total) seconds to fail: timeout:\(effective.timeout) x attempts:\(effective.attempts) x \(servers) name server\(servers == 1 ? "" : "s").",
                at: location,
                arguments: ["seconds": .int(total), "timeout": .int(effective.timeout), "attempts": .int(effective.attempts),
                            "nameservers": .int(servers)])
        }
    }
}
