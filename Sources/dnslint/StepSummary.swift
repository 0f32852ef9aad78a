import DNSLintModel
import DNSLintReporting
import Foundation

extension OutputOptions {
    /// In a GitHub Actions step, the counts by severity and rule go to the step's summary page too: appended to
    /// the file `$GITHUB_STEP_SUMMARY` names, as GitHub expects (earlier steps' summaries stay). Failing to
    /// write it is a warning, not a failed run.
    static func appendStepSummary(_ report: LintReport) {
        guard let path = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !path.isEmpty else { return }
        let text = Data(GitHubStepSummary.markdown(report).utf8)
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            FileHandle.standardError.write(Data("dnslint: warning: cannot append to $GITHUB_STEP_SUMMARY (\(path))\n".utf8))
            return
        }
        defer { try? handle.close() }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: text)
        } catch {
            FileHandle.standardError.write(Data("dnslint: warning: cannot append to $GITHUB_STEP_SUMMARY (\(path)): \(error.localizedDescription)\n".utf8))
        }
    }
}
