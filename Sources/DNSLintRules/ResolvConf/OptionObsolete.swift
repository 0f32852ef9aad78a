import DNSLintModel
import LDNS
/// DNS3014: an option glibc removed, so it does nothing any more.
struct OptionObsolete: Rule {
    let metadata = RuleMetadata(
        code: "DNS3014",
        name: "option-obsolete",
        summary: "An option in resolv.conf or a pod's dnsConfig is one glibc removed (inet6, ip6-bytestring, ip6-dotint, no-ip6-dotint); it does nothing now.",
        rationale: """
            These options changed how old glibc resolved names, and are silently ignored by current glibc and by \
            musl. `inet6` made gethostbyname return IPv6 (IPv4-mapped) addresses, which broke IPv4-only programs; \
            glibc 2.25 deprecated it and glibc 2.36 and later ignore it. `ip6-bytestring` (binary labels for \
            reverse lookups, never deployed) and `ip6-dotint` / `no-ip6-dotint` (reverse lookups under ip6.int, \
            retired in 2006) were removed in glibc 2.25. A file that still carries them was written for a \
            resolver that no longer exists: whatever the option was meant to do does not happen, and readers \
            of the file are misled about how lookups behave.
            """,
        remediation: "Remove the option. For IPv6-first answers, configure address sorting in /etc/gai.conf instead of inet6.",
        severity: .warning,
        inputs: [.resolvConf, .manifest],
        references: [
            "https://man7.org/linux/man-pages/man5/resolv.conf.5.html",
            "https://sourceware.org/git/?p=glibc.git;a=blob;f=NEWS",
            "https://sourceware.org/git/?p=glibc.git;a=blob;f=resolv/res_init.c",
        ],
        argumentKeys: [
            ArgumentKey("option", .string, "The option as written."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "inet6 from an old host image"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    /// What each removed option did and when it went.
    static let history: [String: String] = [
        "inet6": "glibc 2.25 deprecated it and glibc 2.36 and later ignore it; it made gethostbyname return IPv4-mapped IPv6 addresses",
        "ip6-bytestring": "glibc 2.25 removed it; it asked for binary-label reverse lookups that were never deployed",
        "ip6-dotint": "glibc 2.25 removed it; it asked for reverse lookups under ip6.int, retired in 2006",
        "no-ip6-dotint": "glibc 2.25 removed it, after it had long been the default",
    ]

    func check(_ context: LintContext) -> [Finding] {
        context.inputs(of: ResolvConf.self).flatMap { conf in
            conf.optionTokens.compactMap { token -> Finding? in
                guard !token.isPlaceholder, let history = Self.history[token.text] else { return nil }
                return finding("Option \(token.text)\(conf.podClause) is obsolete and does nothing: \(history).",
                               at: token.location, arguments: ["option": .string(token.text)])
            }
        }
    }
}
