import DNSLintModel
import DNSLintRules

/// The one place where a reader's problem becomes a finding of its DNS0xxx rule.
enum InputIssueRules {
    static func rule(for kind: InputIssue.Kind) -> any Rule {
        switch kind {
        case .zoneSyntax: ZoneSyntaxError()
        case .corefileSyntax: CorefileSyntaxError()
        case .corefileTemplate: CorefileTemplate()
        case .resolvConfSyntax: ResolvConfSyntaxError()
        case .manifest: ManifestError()
        case .unreadable: InputUnreadable()
        }
    }

    static func finding(_ issue: InputIssue) -> Finding {
        rule(for: issue.kind).finding(issue.message, at: issue.location, arguments: issue.arguments, severity: issue.severity)
    }
}
