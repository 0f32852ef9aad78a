import ArgumentParser
import DNSLint
import DNSLintModel
import DNSLintReporting
import DNSLintRules

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lint zone files, Corefiles, resolv.conf files and Kubernetes manifests (files or folders)."
    )

    @Argument(help: "Files or folders to check.")
    var paths: [String]

    @OptionGroup var lint: LintFlags
    @OptionGroup var output: OutputOptions

    func run() throws {
        let report = try Linter.run(paths: paths, options: lint.optionsForRun(), policy: output.policy)
        try output.emit(report, category: "dnslint/check/")
    }
}
