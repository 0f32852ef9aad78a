import DNSLintModel
import LDNS
/// DNS3015: ndots, timeout or attempts above what the libc accepts; it silently uses its maximum instead.
struct OptionValueClamped: Rule {
    let metadata = RuleMetadata(
        code: "DNS3015",
        name: "option-value-clamped",
        summary: "An ndots, timeout or attempts value is above the libc's maximum, which it silently uses instead.",
        rationale: """
            glibc and musl cap these values without a word. glibc (resolv.h): ndots at 15 (RES_MAXNDOTS), timeout \
            at 30 seconds (RES_MAXRETRANS), attempts at 5 (RES_MAXRETRY). musl (resolvconf.c): ndots at 15, \
            timeout at 60 seconds, attempts at 10. A value above the cap reads as a decision (attempts:10 to ride \
            out a flaky link, timeout:60 for a slow upstream) that the resolver does not carry out, so the \
            configuration behaves differently from what its author and its reviewers expect. The libc judged is \
            --libc.
            """,
        remediation: "Write the value the resolver will use (at most ndots:15, timeout:30, attempts:5 for glibc; timeout:60, attempts:10 for musl), or solve the problem elsewhere (a local cache, fewer search domains).",
        severity: .warning,
        inputs: [.resolvConf, .manifest],
        references: [
            "https://man7.org/linux/man-pages/man5/resolv.conf.5.html",
            "https://sourceware.org/git/?p=glibc.git;a=blob;f=resolv/res_init.c",
            "https://sourceware.org/git/?p=glibc.git;a=blob;f=resolv/resolv.h",
            "https://git.musl-libc.org/cgit/musl/tree/src/network/resolvconf.c",
        ],
        argumentKeys: [
            ArgumentKey("option", .string, "The option as written."),
            ArgumentKey("value", .int, "The value as written."),
            ArgumentKey("maximum", .int, "The value the libc uses instead: its maximum."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "attempts:10 means 5 attempts to glibc"),
            RuleExample("triggering-2", arguments: ["--libc", "musl"], caption: "musl caps attempts at 10"),
        ],
        clean: [
            RuleExample("clean-1"),
            RuleExample("clean-2", arguments: ["--libc", "musl"], caption: "attempts:10 is within musl's range"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let libc = context.options.libc
        let maxima = libc == .glibc ? ResolverOptions.glibcMaximum : ResolverOptions.muslMaximum
        return context.inputs(of: ResolvConf.self).flatMap { conf -> [Finding] in
            let effective = conf.effective(for: libc)
            return [("ndots", effective.ndotsToken), ("timeout", effective.timeoutToken), ("attempts", effective.attemptsToken)]
                .compactMap { name, token -> Finding? in
                    guard let token, !token.isPlaceholder, let maximum = maxima[name],
                          let colon = token.text.range(of: name + ":") else { return nil }
                    let digits = token.text[colon.upperBound...]
                    // Malformed values are DNS0003's; here only whole numbers past the cap.
                    guard ResolverOptions.isPlainNumber(digits) else { return nil }
                    let value = ResolverOptions.atoi(digits)
                    guard value > maximum else { return nil }
                    return finding(
                        "Option \(token.text)\(conf.podClause) is above \(libc.rawValue)'s maximum for \(name), so \(libc.rawValue) uses \(name):\(maximum) instead.",
                        at: token.location,
                        arguments: ["option": .string(token.text), "value": .int(value), "maximum": .int(maximum)])
                }
        }
    }
}
