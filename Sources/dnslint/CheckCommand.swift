import ArgumentParser
import Foundation
import DNSLint
import DNSLintModel
import DNSLintReporting
import DNSLintRules

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lint zone files, Corefiles, resolv.conf files and Kubernetes manifests (files or folders).",
        discussion: "With no paths, checks the inventory of the project's .dnslint.yml."
    )

    @Argument(help: "Files or folders to check (default: the inventory of .dnslint.yml).")
    var paths: [String] = []

    @OptionGroup var lint: LintFlags
    @OptionGroup var output: OutputOptions
    @OptionGroup var gate: GateOptions
    @OptionGroup var configFlags: ConfigFlags

    @Option(name: .long, help: "Report only findings that did not exist at this git revision (e.g. origin/main).")
    var newSince: String?

    func run() throws {
        let run = try configFlags.settings(lint: lint, output: output)
        guard run.project != nil || !paths.isEmpty else {
            throw ValidationError("give files or folders to check, or write a .dnslint.yml with an inventory (`dnslint init`)")
        }
        let groups = try ProjectRun.groups(paths: paths, config: run.project, options: run.options)
        var report = try ProjectRun.check(groups, options: run.options, policy: run.policy)
        defer { LeftForExit.keep(report) }
        let root = RepositoryRoot(workingDirectory: FileManager.default.currentDirectoryPath)
        let keys = FindingKeys(root: root, maxFileBytes: run.options.maxFileBytes)
        if let newSince {
            // The same groups read at REV (kinds and origins too); keys match across the two trees: both are
            // repository-relative and free of line numbers.
            let old = try NewSince.baseline(revision: newSince, groups: groups, options: run.options, policy: run.policy, root: root)
            GateOptions.keepNew(&report, old, keys)
        }
        if try gate.apply(to: &report, keys: keys) { return }
        try run.output.emit(report, category: "dnslint/check/", verbose: lint.verbose)
    }
}
