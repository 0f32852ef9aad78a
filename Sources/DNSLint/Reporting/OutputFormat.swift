/// Output formats; each has one reporter file.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text
    case json
    case sarif
    case github
    case rdjsonl
}

/// What every reporter may use besides the findings.
public struct ReportContext: Sendable {
    public var toolVersion: String
    /// Rules to describe (SARIF `rules[]`); all registered rules by default.
    public var rules: [any Rule]
    /// SARIF `automationDetails.id` category, e.g. `dnslint/check/`.
    public var category: String
    /// Colour for terminals.
    public var color: Bool
    /// Working folder, to make SARIF URIs repository-relative.
    public var workingDirectory: String

    public init(toolVersion: String = DNSLintVersion.current, rules: [any Rule] = RuleRegistry.all,
                category: String = "dnslint/check/", color: Bool = false, workingDirectory: String) {
        self.toolVersion = toolVersion
        self.rules = rules
        self.category = category
        self.color = color
        self.workingDirectory = workingDirectory
    }
}

public enum DNSLintVersion {
    public static let current = "0.1.0"
}

public enum Reporters {
    public static func write(_ report: LintReport, as format: OutputFormat, context: ReportContext, to sink: OutputSink) {
        switch format {
        case .text: sink.write(TextReporter(context: context).render(report))
        case .json: JSONReporter(context: context).write(report, to: sink)
        case .sarif: sink.write(SARIFReporter(context: context).render(report))
        case .github: sink.write(GitHubAnnotationsReporter().render(report))
        case .rdjsonl: sink.write(RDJSONLReporter().render(report))
        }
        sink.flush()
    }

    public static func render(_ report: LintReport, as format: OutputFormat, context: ReportContext) -> String {
        let sink = OutputSink.memory()
        write(report, as: format, context: context, to: sink)
        return sink.text
    }
}
