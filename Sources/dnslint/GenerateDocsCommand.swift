import ArgumentParser
import DNSLint
import DNSLintModel
import DNSLintReporting
import DNSLintRules
import Foundation

/// Writes `rules/*.md` from the rule metadata (a test fails when the committed pages drift).
struct GenerateDocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate-docs", abstract: "Write rule pages.", shouldDisplay: false)

    @Argument(help: "Folder to write into.")
    var folder: String = "rules"

    func run() throws {
        // The pages show the example files, read from `<folder>/examples`.
        let examples = URL(fileURLWithPath: folder).appendingPathComponent("examples")
        for (name, text) in try RuleDocs.pages(RuleRegistry.all.map(\.metadata), examples: examples) {
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
        }
    }
}
