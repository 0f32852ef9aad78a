import DNSLintModel
import LDNS
/// DNS3006: an `options` word no resolver knows.
struct UnknownOption: Rule {
    let metadata = RuleMetadata(
        code: "DNS3006",
        name: "unknown-option",
        summary: "An option in resolv.conf or a pod's dnsConfig is not one glibc or musl knows, so it does nothing.",
        rationale: """
            glibc and musl skip options they do not know without a word, so a typo (ends0 for edns0, \
            single-request-repoen) leaves the problem it was meant to fix in place. glibc also compares only \
            prefixes, so edns0x silently acts as edns0; dnslint names the option glibc reads instead.
            """,
        remediation: "Fix the spelling, or remove the option. Known options: ndots:N, timeout:N, attempts:N, rotate, edns0, single-request, single-request-reopen, use-vc, no-tld-query, no-reload, trust-ad (glibc 2.31+), no-aaaa (glibc 2.36+).",
        severity: .warning,
        inputs: [.resolvConf, .manifest],
        references: [
            "https://man7.org/linux/man-pages/man5/resolv.conf.5.html",
            "https://sourceware.org/git/?p=glibc.git;a=blob;f=resolv/res_init.c",
            "https://github.com/kubernetes/kubernetes/issues/127991",
        ],
        argumentKeys: [
            ArgumentKey("option", .string, "The option as written."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "ends0 instead of edns0"),
            RuleExample("triggering-2"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    static var knownNames: [String] { ResolverOptions.valued + ResolverOptions.glibcFlags }

    func check(_ context: LintContext) -> [Finding] {
        context.inputs(of: ResolvConf.self).flatMap { conf in
            conf.optionTokens.compactMap { token in
                token.isPlaceholder ? nil : judge(token, conf: conf)
            }
        }
    }

    private func judge(_ token: ResolvConfToken, conf: ResolvConf) -> Finding? {
        let text = token.text
        let name = ResolverOptions.name(of: text)
        if ResolverOptions.valued.contains(name) {
            if text.contains(":") { return nil }
            return finding("Option \(text)\(conf.podClause) needs a value, as in \(name):2; without the colon it does nothing.",
                           at: token.location, arguments: ["option": .string(text)])
        }
        // Options glibc once knew are DNS3014's, which says what they did and when they went.
        if ResolverOptions.glibcFlags.contains(text) || OptionObsolete.history[text] != nil { return nil }
        var detail: String
        if let flag = ResolverOptions.glibcFlag(for: text) {
            detail = "glibc compares prefixes and reads it as \(flag); musl ignores it"
        } else if let origin = ResolverOptions.foreignOptions[name] {
            detail = "it belongs to \(origin); glibc and musl ignore it"
        } else {
            detail = "glibc and musl ignore it"
        }
        if let suggestion = Spelling.suggestion(for: name, among: Self.knownNames), suggestion != name {
            detail += " (did you mean \(suggestion)?)"
        }
        return finding("Option \(text)\(conf.podClause) is not a resolver option: \(detail).",
                       at: token.location, arguments: ["option": .string(text)])
    }
}
