import DNSLintModel
/// GitHub Actions workflow commands: `::error file=...,line=...,title=...::message`.
/// Paths are repository-relative, as the runner's checkout spells them.
struct GitHubAnnotationsReporter {
    let root: RepositoryRoot

    func render(_ report: LintReport) -> String {
        summary(report) + annotations(report)
    }

    /// When GitHub would drop annotations, a notice says so and where the rest are. It comes first: GitHub keeps
    /// the first ten notices of a step, so a summary printed after ten notes would itself be dropped.
    private func summary(_ report: LintReport) -> String {
        let caps = AnnotationCaps(report)
        guard caps.cutsAny else { return "" }
        let found = [report.count(.error).counted("error"), report.count(.warning).counted("warning"), report.count(.note).counted("note")]
        let shown = [caps.shownErrors.counted("error"), caps.shownWarnings.counted("warning"), caps.shownNotes.counted("note")]
        let text = "dnslint found \(found[0]), \(found[1]) and \(found[2]); GitHub shows at most "
            + "\(AnnotationCaps.perLevel) annotations of each level per step (this notice is one of the notices) and "
            + "\(AnnotationCaps.perJob) per job, so only the first \(shown[0]), \(shown[1]) and \(shown[2]) "
            + "below are annotated. Run with --format sarif (code scanning) or --format text for every finding."
        return "::notice title=dnslint summary::\(escapeData(text))\n"
    }

    private func annotations(_ report: LintReport) -> String {
        report.findings.map { finding in
            let finding = finding.resolved()
            let level = switch finding.severity {
            case .error: "error"
            case .warning: "warning"
            case .note: "notice"
            }
            var properties: [String] = []
            if let location = finding.location {
                properties.append("file=\(escapeProperty(root.relative(location.path) ?? location.path))")
                properties.append("line=\(location.line)")
                properties.append("col=\(location.column)")
            }
            properties.append("title=\(escapeProperty("\(finding.ruleCode) \(finding.ruleName)"))")
            return "::\(level) \(properties.joined(separator: ","))::\(escapeData(finding.message))"
        }.map { $0 + "\n" }.joined()
    }

    private func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

/// What GitHub shows of one step's annotations: the first 10 errors, 10 warnings and 10 notices (the summary
/// notice counts among them), and at most 50 per job across its steps.
struct AnnotationCaps {
    static let perLevel = 10
    static let perJob = 50
    let errors: Int
    let warnings: Int
    let notes: Int

    init(_ report: LintReport) {
        errors = report.count(.error)
        warnings = report.count(.warning)
        notes = report.count(.note)
    }

    var cutsAny: Bool { [errors, warnings, notes].contains { $0 > Self.perLevel } }
    var shownErrors: Int { min(errors, Self.perLevel) }
    var shownWarnings: Int { min(warnings, Self.perLevel) }
    /// The summary notice takes one of the ten notice places when it is printed.
    var shownNotes: Int { min(notes, Self.perLevel - (cutsAny ? 1 : 0)) }
}
