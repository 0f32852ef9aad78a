import DNSLintModel
import LDNS
/// DNS0002: a Corefile that CoreDNS cannot parse (or, as a note, a template with placeholders). Reported by the Corefile loader.
package struct CorefileSyntaxError: Rule {
    package init() {}
    package let metadata = RuleMetadata(
        code: "DNS0002",
        name: "corefile-syntax-error",
        summary: "A Corefile has a syntax error CoreDNS refuses to start with, or is a template whose placeholders are not yet filled in.",
        rationale: """
            CoreDNS reads its Corefile once at start (and on reload): an unbalanced brace, a '}' on the line of a \
            directive, a server block key that is not a zone, or an import of a missing snippet stops the whole \
            server, and a reload with such an error keeps the old configuration without saying so loudly. dnslint \
            reads the file as CoreDNS' Caddyfile parser does, reports every error with its line and column and what \
            was expected, and keeps going. A Corefile from a deployment template (`__PILLAR__DNS__SERVER__`, \
            `UPSTREAMNAMESERVER`, `%{CLUSTER_DOMAIN}%`) is reported once, as a note, instead of as a cascade of \
            errors: the placeholders are filled in at deploy time, so dnslint checks the rest and leaves their values alone. \
            The note shares this code because it is about the same thing, whether the text is a Corefile CoreDNS can load.
            """,
        remediation: "Fix the reported token: close the block, move '}' to its own line, write the key as `zone[:port]` (`.:53`, `example.org:5353`, `tls://.:853`). For a template, lint the rendered Corefile too.",
        severity: .error,
        inputs: [.corefile, .manifest],
        references: [
            "https://coredns.io/manual/configuration/",
            "https://github.com/coredns/caddy/blob/master/caddyfile/parse.go",
            "https://github.com/coredns/coredns/pull/7571",
            "https://github.com/coredns/coredns/pull/4637",
        ],
        argumentKeys: [
            ArgumentKey("placeholders", .strings, "The template placeholders found, in order of appearance (a template note only)."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "a block that never closes"),
            RuleExample("triggering-2", caption: "a closing brace on the line of a directive"),
            RuleExample("triggering-3", caption: "a deployment template, reported once as a note"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] { [] }
}
