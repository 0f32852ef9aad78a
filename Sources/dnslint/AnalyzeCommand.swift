import ArgumentParser
import DNSLint

/// `dnslint analyze`: grade a capture saved by `dnslint live --capture` again, without network.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Re-analyse a saved live capture offline.",
        discussion: "Gives the findings the live run gave, from the recorded queries and responses alone."
    )

    @Argument(help: "Capture files written by `dnslint live --capture`.")
    var captures: [String]

    @OptionGroup var output: OutputOptions

    func run() throws {
        var options = LintOptions()
        options.kindOverride = .live
        var report = try Linter.run(paths: captures, options: options, policy: output.policy)
        report.extraSummary = CaptureSummary.totals(of: captures)
        try output.emit(report, category: "dnslint/live/")
    }
}
