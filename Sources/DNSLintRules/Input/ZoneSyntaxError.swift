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
            RuleExample("example.com.zone", """
                $ORIGIN example.com.
                $TTL 3600
                @ IN SOA ns1 hostmaster 1 7200 3600 1209600 300
                @ IN NS ns1
                ns1 IN A 192.0.2.1
                www IN A 192.0.2.300
                """, expectedCount: 1, caption: "an IPv4 address out of range"),
            RuleExample("example.com.zone", """
                $ORIGIN example.com.
                @ 3600 IN SOA ns1 hostmaster ( 1 7200 3600 1209600 300
                @ 3600 IN NS ns1
                """, caption: "a parenthesis that never closes (and the record it swallowed)"),
        ],
        clean: [
            RuleExample("example.com.zone", """
                $ORIGIN example.com.
                $TTL 1h
                @ IN SOA ns1 hostmaster (
                        1       ; serial
                        7200    ; refresh
                        3600 1209600 300 )
                @ IN NS ns1
                ns1 IN A 192.0.2.1
                txt IN TXT "semicolons; and (parens) in quotes"
                """, expectedCount: 0),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] { [] }
}
