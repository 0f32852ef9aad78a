/// A problem a reader met in its input. Readers know nothing of rules: the engine maps each kind to
/// its DNS0xxx rule in one place (`InputIssueRules`).
package struct InputIssue: Sendable, Hashable {
    package enum Kind: String, Sendable, CaseIterable {
        case zoneSyntax
        case corefileSyntax
        /// A Corefile that is a deployment template (placeholders), not a syntax error.
        case corefileTemplate
        case resolvConfSyntax
        case manifest
        case unreadable
    }

    package var kind: Kind
    package var message: String
    package var location: SourceLocation
    /// nil: the rule's default severity.
    package var severity: Severity?
    package var arguments: FindingArguments

    package init(_ kind: Kind, _ message: String, at location: SourceLocation, severity: Severity? = nil,
                 arguments: FindingArguments = [:]) {
        self.kind = kind
        self.message = message
        self.location = location
        self.severity = severity
        self.arguments = arguments
    }

    /// A file that could not be read at all, anchored at its first line.
    package static func unreadable(path: String, reason: String) -> InputIssue {
        InputIssue(.unreadable, "\(path) was not checked: \(reason).", at: SourceLocation(path: path, line: 1))
    }
}
