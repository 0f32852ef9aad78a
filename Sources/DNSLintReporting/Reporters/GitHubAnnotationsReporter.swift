import DNSLintModel
/// GitHub Actions workflow commands: `::error file=...,line=...,title=...::message`.
/// Paths are repository-relative, as the runner's checkout spells them.
struct GitHubAnnotationsReporter {
    /// GitHub shows at most this many annotations of each level per step; the rest are dropped silently.
    static let shownPerLevel = 10
    let root: RepositoryRoot

    func render(_ report: LintReport) -> String {
        annotations(report) + summary(report)
    }

    /// When GitHub would hide some annotations, one more notice says so and where the rest are.
    private func summary(_ report: LintReport) -> String {
        let counts = [Severity.error, .warning, .note].map { level in report.findings.filter { $0.severity == level }.count }
        guard counts.contains(where: { $0 > Self.shownPerLevel }) else { return "" }
        let text = "dnslint found \(counts[0]) errors, \(counts[1]) warnings and \(counts[2]) notes; GitHub shows only "
            + "\(Self.shownPerLevel) annotations of each level per step, so the list above is cut. Run with "
            + "--format sarif (code scanning) or --format text for every finding."
        return "::notice title=dnslint summary::\(escapeData(text))\n"
    }

    private func annotations(_ report: LintReport) -> String {
        report.findings.map { finding in
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
