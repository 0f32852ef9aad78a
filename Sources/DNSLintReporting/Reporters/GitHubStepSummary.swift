import DNSLintModel

/// The Markdown a GitHub Actions step appends to `$GITHUB_STEP_SUMMARY` (with `--format github`): counts by
/// severity and by rule, which the run's summary page shows whatever annotations GitHub dropped.
package enum GitHubStepSummary {
    package static func markdown(_ report: LintReport, title: String = "dnslint") -> String {
        var lines = ["## \(title)", ""]
        let files = report.filesChecked.counted("file")
        var checked = "\(files) checked"
        if case .int(let names) = report.extraSummary["names"] { checked += ", \(names.counted("name")) audited" }
        if case .int(let accepted) = report.extraSummary["baselined"], accepted > 0 {
            checked += ", \(accepted.counted("finding")) accepted by the baseline or present before"
        }
        guard !report.findings.isEmpty else { return (lines + ["No problems found; \(checked).", "", ""]).joined(separator: "\n") }
        lines += ["| Severity | Findings |", "|---|---:|"]
        for severity in [Severity.error, .warning, .note] { lines.append("| \(severity.rawValue) | \(report.count(severity)) |") }
        lines += ["", "| Rule | Errors | Warnings | Notes |", "|---|---:|---:|---:|"]
        var byRule: [String: (name: String, counts: [Severity: Int])] = [:]
        for finding in report.findings {
            byRule[finding.ruleCode, default: (finding.ruleName, [:])].counts[finding.severity, default: 0] += 1
        }
        for code in byRule.keys.sorted() {
            let (name, counts) = byRule[code]!
            lines.append("| \(code) \(name) | \(counts[.error] ?? 0) | \(counts[.warning] ?? 0) | \(counts[.note] ?? 0) |")
        }
        return (lines + ["", "\(checked.prefix(1).uppercased() + checked.dropFirst()).", "", ""]).joined(separator: "\n")
    }
}
