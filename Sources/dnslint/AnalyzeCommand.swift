import ArgumentParser
import Foundation
import DNSLint
import DNSLintModel
import DNSLintReporting
import DNSLintRules

/// `dnslint analyze`: grade a capture saved by `dnslint live --capture` again, without network.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Re-analyse a saved live capture offline.",
        discussion: "Gives the findings the live run gave, from the recorded queries and responses alone."
    )

    @Argument(help: "Capture files written by `dnslint live --capture`.")
    var captures: [String]

    @OptionGroup var lint: LintFlags
    @OptionGroup var output: OutputOptions
    @OptionGroup var configFlags: ConfigFlags
    @OptionGroup var gate: GateOptions

    func run() throws {
        var run = try configFlags.settings(lint: lint, output: output)
        run.options.kindOverride = .live
        var report = try Linter.run(paths: captures, options: run.options, policy: run.policy)
        if try gate.apply(to: &report, keys: FindingKeys(root: RepositoryRoot(workingDirectory: FileManager.default.currentDirectoryPath),
                                                            maxFileBytes: run.options.maxFileBytes)) {
            return
        }
        try run.output.emit(report, category: "dnslint/live/")
    }
}
