import DNSLintModel
import LDNS
/// DNS0005: an input that cannot be read as text. Reported by the loaders.
package struct InputUnreadable: Rule {
    package init() {}
    package let metadata = RuleMetadata(
        code: "DNS0005",
        name: "input-unreadable",
        summary: "An input file cannot be read, is not text, or an include points where dnslint will not go.",
        rationale: """
            A gate that skips a file it cannot read passes changes it never checked. dnslint reports unreadable \
            and binary files, missing include targets and includes that escape the zone's folder, and goes on \
            with the other inputs.
            """,
        remediation: "Check the path and permissions, or pass --allow-include-outside when an include outside the zone's folder is intended.",
        severity: .error,
        inputs: [.zone, .corefile, .resolvConf, .manifest],
        references: [],
        triggering: [
            RuleExample("triggering-1", caption: "an include target that does not exist"),
            RuleExample("triggering-2", caption: "a binary file"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] { [] }
}
