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
        for (name, text) in RuleDocs.pages(RuleRegistry.all.map(\.metadata)) {
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
        }
    }
}
