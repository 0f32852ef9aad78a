import ArgumentParser
import DNSLint
import DNSLintModel
import DNSLintReporting

/// `dnslint merge`: join the JSON reports of the shards of one `dnslint live --shard K/N` run.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the JSON reports of sharded runs into one report (JSON, SARIF or any format).",
        discussion: "Findings are pooled, sorted and de-duplicated; counters are added up, the duration is the slowest shard's."
    )

    @Argument(help: "JSON reports written with --format json by each shard.")
    var reports: [String]

    @OptionGroup var output: OutputOptions

    func run() throws {
        let merged = try Merge.reports(reports, policy: output.policy)
        try output.emit(merged, category: "dnslint/live/")
    }
}
