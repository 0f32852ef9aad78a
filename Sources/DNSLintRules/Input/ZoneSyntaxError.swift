import DNSLintModel
import LDNS
/// DNS0001: a zone file line that no name server would load. Reported by the zone reader.
package struct ZoneSyntaxError: Rule {
    package init() {}
    package let metadata = RuleMetadata(
        code: "DNS0001",
        name: "zone-syntax-error",
        summary: "A zone file line cannot be parsed, so the records it meant to define do not exist.",
        rationale: """
            A name server refuses to load a zone with a syntax error (BIND, Knot) or silently drops the record, \
            so a typo in one line can take a whole zone, or one name, off the air. dnslint reports every broken \
            line with ldns' reason and keeps reading the rest of the file.
            """,
        remediation: "Fix the record at the reported line; the message quotes it as dnslint read it, with comments and parentheses removed.",
        severity: .error,
        inputs: [.zone],
        references: ["RFC 1035 5.1", "https://nlnetlabs.nl/documentation/ldns/"],
        triggering: [
            RuleExample("triggering-1", caption: "an IPv4 address out of range"),
            RuleExample("triggering-2", caption: "a parenthesis that never closes (and the record it swallowed)"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] { [] }
}
