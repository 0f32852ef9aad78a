import DNSLintModel
/// Output formats; each has one reporter file.
package enum OutputFormat: String, Sendable, CaseIterable {
    case text
    case json
    case sarif
    case github
    case rdjsonl
    case junit
}

/// What every reporter may use besides the findings.
package struct ReportContext: Sendable {
    package var toolVersion: String
    /// Rules to describe (SARIF `rules[]`); all registered rules by default.
    package var rules: [any Rule]
    /// SARIF `automationDetails.id` category, e.g. `dnslint/check/`.
    package var category: String
    /// Colour for terminals.
    package var color: Bool
    /// Working folder, to make SARIF URIs repository-relative.
    package var workingDirectory: String

    package init(toolVersion: String = DNSLintVersion.current, rules: [any Rule],
                category: String = "dnslint/check/", color: Bool = false, workingDirectory: String) {
        self.toolVersion = toolVersion
        self.rules = rules
        self.category = category
        self.color = color
        self.workingDirectory = workingDirectory
    }
}

package enum DNSLintVersion {
    package static let current = "0.1.0"
}

package enum Reporters {
    package static func write(_ report: LintReport, as format: OutputFormat, context: ReportContext, to sink: OutputSink) {
        switch format {
        case .text: sink.write(TextReporter(context: context).render(report))
        case .json: JSONReporter(context: context).write(report, to: sink)
        case .sarif: sink.write(SARIFReporter(context: context).render(report))
        case .github: sink.write(GitHubAnnotationsReporter(root: RepositoryRoot(workingDirectory: context.workingDirectory)).render(report))
        case .rdjsonl: sink.write(RDJSONLReporter().render(report))
        case .junit: sink.write(JUnitReporter(root: RepositoryRoot(workingDirectory: context.workingDirectory)).render(report))
        }
        sink.flush()
    }

    package static func render(_ report: LintReport, as format: OutputFormat, context: ReportContext) -> String {
        let sink = OutputSink.memory()
        write(report, as: format, context: context, to: sink)
        return sink.text
    }
}
