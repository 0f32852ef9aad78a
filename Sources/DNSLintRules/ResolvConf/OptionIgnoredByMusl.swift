import DNSLintModel
import LDNS
/// DNS3003: musl reads only ndots, timeout and attempts; every other option does nothing.
struct OptionIgnoredByMusl: Rule {
    let metadata = RuleMetadata(
        code: "DNS3003",
        name: "option-ignored-by-musl",
        summary: "A resolv.conf option other than ndots, timeout or attempts has no effect with musl (Alpine images).",
        rationale: """
            musl's resolv.conf reader looks only for ndots:, attempts: and timeout:. Options that fix glibc \
            problems, such as single-request-reopen against the conntrack race, use-vc, edns0 or rotate, are \
            silently ignored in Alpine-based containers, so a fix that works on Debian images does nothing there. \
            This rule runs with --libc musl.
            """,
        remediation: "Remove the option for musl images, or solve the problem elsewhere (NodeLocal DNSCache against the conntrack race, a glibc-based image where the option matters).",
        severity: .warning,
        inputs: [.resolvConf, .manifest],
        references: [
            "https://git.musl-libc.org/cgit/musl/tree/src/network/resolvconf.c",
            "https://wiki.musl-libc.org/functional-differences-from-glibc.html#Name-Resolver/DNS",
            "https://github.com/kubernetes/kubernetes/issues/56903",
        ],
        argumentKeys: [
            ArgumentKey("option", .string, "The option musl ignores."),
        ],
        triggering: [
            RuleExample("triggering-1", arguments: ["--libc", "musl"]),
        ],
        clean: [
            RuleExample("clean-1", arguments: ["--libc", "musl"]),
            RuleExample("clean-2", caption: "glibc honours it"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        guard context.options.libc == .musl else { return [] }
        return context.inputs(of: ResolvConf.self).flatMap { conf in
            conf.optionTokens.compactMap { token -> Finding? in
                let name = ResolverOptions.name(of: token.text)
                guard !ResolverOptions.valued.contains(name), !token.isPlaceholder else { return nil }
                return finding(
                    "Option \(token.text)\(conf.podClause) does nothing on musl, which reads only ndots, timeout and attempts.",
                    at: token.location, arguments: ["option": .string(token.text)])
            }
        }
    }
}
