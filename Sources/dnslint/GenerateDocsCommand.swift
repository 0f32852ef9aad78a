import ArgumentParser
import DNSLint
import DNSLintModel
import DNSLintReporting
import DNSLintRules
import Foundation

/// Writes `rules/*.md` and the per-rule arguments of the JSON report schema from the rule metadata (tests fail
/// when the committed files drift). Run it from the package root.
struct GenerateDocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate-docs", abstract: "Write rule pages and the report schema's rule arguments.", shouldDisplay: false)

    @Argument(help: "Folder to write into.")
    var folder: String = "rules"

    @Option(help: "The JSON report schema whose per-rule arguments to rewrite.")
    var schema: String = "schemas/dnslint-report.schema.json"

    func run() throws {
        // The pages show the example files, read from `<folder>/examples`.
        let examples = URL(fileURLWithPath: folder).appendingPathComponent("examples")
        for (name, text) in try RuleDocs.pages(RuleRegistry.all.map(\.metadata), examples: examples) {
            try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: folder).appendingPathComponent(name).path)
        }
        let schemaText = try String(contentsOfFile: schema, encoding: .utf8)
        guard let updated = ReportSchema.updating(schemaText, rules: RuleRegistry.all.map(\.metadata)) else {
            throw ValidationError("\(schema) has no \"ruleArguments\" entry in its definitions")
        }
        try AtomicFile.write(Data(updated.utf8), to: schema)
    }
}
