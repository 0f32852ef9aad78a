/// The result of one run: findings after policy, and counts for the summary.
package struct LintReport: Sendable {
    package var findings: [Finding]
    package var filesChecked: Int
    /// Extra summary fields (live runs add names, queries, responses, timeouts, durationSeconds).
    package var extraSummary: [String: ArgumentValue]
    /// Wall-clock time of the run, for the text summary (JSON keeps to the deterministic fields).
    package var elapsedSeconds: Double?

    package init(findings: [Finding], filesChecked: Int, extraSummary: [String: ArgumentValue] = [:]) {
        self.findings = findings
        self.filesChecked = filesChecked
        self.extraSummary = extraSummary
    }

    package func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }
}
