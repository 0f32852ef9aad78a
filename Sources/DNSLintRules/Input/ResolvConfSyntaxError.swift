import DNSLintModel
import LDNS
/// DNS0003: a resolv.conf line that glibc and musl both skip. Reported by the resolv.conf reader.
package struct ResolvConfSyntaxError: Rule {
    package init() {}
    package let metadata = RuleMetadata(
        code: "DNS0003",
        name: "resolv-conf-syntax-error",
        summary: "A resolv.conf line is not a directive glibc or musl accepts, so the resolver silently ignores it.",
        rationale: """
            Neither glibc nor musl reports a bad resolv.conf line: a misspelt or indented keyword, a nameserver \
            with a port or a host name, or an option value that is not a number is skipped, and the resolver \
            quietly falls back to defaults (127.0.0.1, ndots:1, no search list). A comment after the domains of a \
            search line is worse: both libcs search the comment's words as domains. dnslint reports every such \
            line with its column and goes on reading. Template placeholders are reported once, as a note.
            """,
        remediation: "Start each directive at the beginning of its line, give nameserver a bare IPv4 or IPv6 address, put comments on their own lines, and write option values as whole numbers.",
        severity: .error,
        inputs: [.resolvConf],
        references: [
            "https://man7.org/linux/man-pages/man5/resolv.conf.5.html",
            "https://sourceware.org/git/?p=glibc.git;a=blob;f=resolv/res_init.c",
            "https://git.musl-libc.org/cgit/musl/tree/src/network/resolvconf.c",
        ],
        triggering: [
            RuleExample("triggering-1", caption: "a misspelt keyword"),
            RuleExample("triggering-2", caption: "a port on the nameserver and an indented search line"),
            RuleExample("triggering-3", caption: "a comment after the search domains"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] { [] }
}
