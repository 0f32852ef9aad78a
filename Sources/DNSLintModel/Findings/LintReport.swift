/// The result of one run: findings after policy, and counts for the summary.
package struct LintReport: Sendable {
    package var findings: [Finding]
    package var filesChecked: Int
    /// Extra summary fields (live runs add names, queries, responses, timeouts, durationSeconds).
    package var extraSummary: [String: ArgumentValue]
    /// Files folder scans passed over, and why (`--verbose` lists them).
    package var skipped: [SkippedFile] = []
    /// Wall-clock time of the run, for the text summary (JSON keeps to the deterministic fields).
    package var elapsedSeconds: Double?
    /// Each Corefile read, with the CoreDNS release it was judged against and where that came from.
    package var corefileVersions: [CorefileVersionEntry] = []
    /// The input size cap the run read with: reporters read source lines back within the same cap.
    package var maxFileBytes = LintOptions.defaultMaxFileBytes
    /// Files (as findings name them) whose lines no reporter quotes: files that are not zones at all, and
    /// files reached by `$INCLUDE` outside the zone's folder. Their findings carry only their messages.
    package var unquotedFiles: Set<String> = []

    package init(findings: [Finding], filesChecked: Int, extraSummary: [String: ArgumentValue] = [:]) {
        self.findings = findings
        self.filesChecked = filesChecked
        self.extraSummary = extraSummary
    }

    /// Counts in place: `filter` would copy every finding (a million retains on a large zone) to count them.
    package func count(_ severity: Severity) -> Int {
        findings.reduce(into: 0) { total, finding in if finding.severity == severity { total += 1 } }
    }
}

/// A file a folder scan passed over, and why.
package struct SkippedFile: Sendable, Hashable {
    package var path: String
    package var reason: String

    package init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}
