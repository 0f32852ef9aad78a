import DNSLintModel
import LDNS
/// DNS0002: a Corefile that CoreDNS cannot parse. Reported by the Corefile loader (templates are DNS0008).
package struct CorefileSyntaxError: Rule {
    package init() {}
    package let metadata = RuleMetadata(
        code: "DNS0002",
        name: "corefile-syntax-error",
        summary: "A Corefile has a syntax error CoreDNS refuses to start with.",
        rationale: """
            CoreDNS reads its Corefile once at start (and on reload): an unbalanced brace, a '}' on the line of a \
            directive, a server block key that is not a zone, or an import of a missing snippet stops the whole \
            server, and a reload with such an error keeps the old configuration without saying so loudly. dnslint \
            reads the file as CoreDNS' Caddyfile parser does, reports every error with its line and column and what \
            was expected, and keeps going. A block that never closes is reported at the line that opened it — found \
            by indentation when a later '}' or line plainly belongs to an outer block — and what follows is read as \
            the file's layout means it, so one missing brace gives one finding, not a cascade (such as the next \
            server block's key taken for an unknown plugin). Templates with placeholders are DNS0008, not syntax \
            errors.
            """,
        remediation: "Fix the reported token: close the block, move '}' to its own line, write the key as `zone[:port]` (`.:53`, `example.org:5353`, `tls://.:853`).",
        severity: .error,
        inputs: [.corefile, .manifest],
        references: [
            "https://coredns.io/manual/configuration/",
            "https://github.com/coredns/caddy/blob/master/caddyfile/parse.go",
            "https://github.com/coredns/coredns/pull/7571",
            "https://github.com/coredns/coredns/pull/4637",
        ],
        argumentKeys: [
            ArgumentKey("closedBy", .int, "For a block that never closes: the line whose '}' or text shows, by its indentation, where the block should have ended."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "a block that never closes"),
            RuleExample("triggering-2", caption: "a closing brace on the line of a directive"),
            RuleExample("triggering-3", caption: "a plugin block left open before the next server block: one finding, where the brace is missing"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] { [] }
}
