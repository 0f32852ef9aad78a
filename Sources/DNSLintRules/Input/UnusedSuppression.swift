import DNSLintModel

/// DNS0006: an inline `dnslint:` suppression that suppresses nothing, gives no reason, or names no rule.
package struct UnusedSuppression: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        code: "DNS0006",
        name: "unused-suppression",
        summary: "An inline `dnslint:` suppression matches no finding, gives no reason, or names something that is not a rule.",
        rationale: """
            A suppression written for a problem that has since been fixed keeps hiding that rule from the line \
            (or file) it sits on, so the next real problem there goes unseen. A suppression without a reason \
            cannot be reviewed, and one with a misspelt rule name or directive silently does nothing. dnslint \
            reports each at the comment's line: a suppression is taken only with a reason after ` -- `, and \
            one without is reported and not applied. A rule turned off for the whole run is not called unused, \
            nor is any suppression when the run was cut short (DNS0007).
            """,
        remediation: """
            Remove the suppression when the finding is gone; otherwise write \
            `dnslint: disable-next-line CODE -- why` (or `disable-file`) with a rule code or name that \
            `dnslint rules` lists and a reason after ` -- `.
            """,
        severity: .warning,
        inputs: [.zone, .corefile, .resolvConf, .manifest],
        argumentKeys: [
            ArgumentKey("problem", .string, "What is wrong: unused, missing-reason, unknown-rule or malformed."),
            ArgumentKey("rules", .strings, "The rule codes the suppression names that match nothing, or the words that name no rule."),
            ArgumentKey("directive", .string, "The word after `dnslint:` when it is not a directive dnslint knows, or names no rule."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "a suppression for a problem the next line does not have"),
            RuleExample("triggering-2", caption: "a suppression without a reason, which is therefore not applied"),
            RuleExample("triggering-3", caption: "a misspelt rule name"),
            RuleExample("triggering-4", caption: "a directive dnslint does not know, in a manifest"),
        ],
        clean: [
            RuleExample("clean-1", caption: "the suppressed finding is there"),
            RuleExample("clean-2", caption: "a suppression inside the Corefile of a ConfigMap"),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] { [] }

    /// The finding for a suppression that matches no finding of `codes` where it applies.
    package static func unused(_ codes: [String], directive: String, at location: SourceLocation) -> Finding {
        let place = directive == "disable-file" ? "anywhere in this file" : "on the line it applies to"
        return UnusedSuppression().finding(
            "The suppression of \(codes.joined(separator: ", ")) matches no finding \(place); remove it, or the next such problem here goes unseen.",
            at: location, arguments: ["problem": .string("unused"), "rules": .strings(codes)])
    }

    /// The finding for a suppression without ` -- reason`, which is therefore not applied.
    package static func missingReason(_ codes: [String], at location: SourceLocation) -> Finding {
        UnusedSuppression().finding(
            "The suppression of \(codes.joined(separator: ", ")) gives no reason, so it is not applied; add one after ` -- `.",
            at: location, arguments: ["problem": .string("missing-reason"), "rules": .strings(codes)])
    }

    /// The finding for words in a suppression that are not a rule code, name or alias.
    package static func unknownRules(_ keys: [String], at location: SourceLocation) -> Finding {
        let list = keys.map { "`\($0)`" }.joined(separator: ", ")
        return UnusedSuppression().finding(
            "The suppression names \(list), which \(keys.count == 1 ? "is not a dnslint rule" : "are not dnslint rules"); `dnslint rules` lists the codes and names.",
            at: location, arguments: ["problem": .string("unknown-rule"), "rules": .strings(keys)])
    }

    /// The finding for `dnslint:` followed by something that is not a directive, or by no rule.
    package static func malformed(_ directive: String, at location: SourceLocation) -> Finding {
        let what = directive.isEmpty || ["disable-next-line", "disable-file"].contains(directive)
            ? "The suppression names no rule"
            : "`dnslint: \(directive)` is not a directive dnslint knows"
        return UnusedSuppression().finding(
            "\(what); write `dnslint: disable-next-line CODE -- reason` or `dnslint: disable-file CODE -- reason`.",
            at: location, arguments: ["problem": .string("malformed"), "directive": .string(directive)])
    }
}
