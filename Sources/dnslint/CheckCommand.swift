import ArgumentParser
import Foundation
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
    @OptionGroup var gate: GateOptions

    @Option(name: .long, help: "Report only findings that did not exist at this git revision (e.g. origin/main).")
    var newSince: String?

    func run() throws {
        let options = lint.optionsForRun()
        var report = try Linter.run(paths: paths, options: options, policy: output.policy)
        let root = RepositoryRoot(workingDirectory: FileManager.default.currentDirectoryPath)
        let keys = FindingKeys(root: root)
        if let newSince {
            // Keys match across the two trees: both are repository-relative and free of line numbers.
            let old = try NewSince.baseline(revision: newSince, paths: paths, options: options, policy: output.policy, root: root)
            GateOptions.keepNew(&report, old, keys)
        }
        if try gate.apply(to: &report, keys: keys) { return }
        try output.emit(report, category: "dnslint/check/", verbose: lint.verbose)
    }
}
