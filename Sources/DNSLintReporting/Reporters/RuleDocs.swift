import DNSLintModel
import Foundation
/// Markdown documentation of rules, generated from metadata: `rules/*.md` and `dnslint explain`.
package enum RuleDocs {
    /// The page of one rule. `examples` is the `rules/examples` folder, whose files the page shows; without it
    /// (`dnslint explain`, which may run far from a checkout) examples are listed by folder only.
    package static func markdown(for rule: RuleMetadata, examples: URL? = nil) throws -> String {
        var out = "# \(rule.code) \(rule.name)\n\n"
        out += "**Default severity:** \(rule.severity.rawValue) · **Inputs:** \(rule.inputs.map(\.rawValue).joined(separator: ", "))"
        if !rule.aliases.isEmpty { out += " · **Also known as:** \(rule.aliases.joined(separator: ", "))" }
        out += "\n\n\(rule.summary)\n\n## Why\n\n\(rule.rationale)\n\n## Fix\n\n\(rule.remediation)\n"
        if !rule.references.isEmpty {
            out += "\n## References\n\n" + rule.references.map { "- \($0)\n" }.joined()
        }
        if !rule.argumentKeys.isEmpty {
            out += "\n## Arguments\n\nFindings carry these structured `arguments` in the JSON report:\n\n| Key | Type | Description |\n|---|---|---|\n"
            out += rule.argumentKeys.map { "| `\($0.key)` | \($0.type.jsonName) | \($0.description.replacingOccurrences(of: "|", with: "\\|")) |\n" }.joined()
        }
        out += try section("Triggers", rule, rule.triggering, examples)
        out += try section("Does not trigger", rule, rule.clean, examples)
        return out
    }

    /// The page without its examples: SARIF `help.markdown`, shown beside each alert on GitHub.
    package static func helpMarkdown(for rule: RuleMetadata) -> String {
        var out = "**\(rule.summary)**\n\n**Default severity:** \(rule.severity.rawValue)\n\n## Why\n\n\(rule.rationale)\n\n## Fix\n\n\(rule.remediation)\n"
        if !rule.references.isEmpty {
            out += "\n## References\n\n" + rule.references.map { "- \($0)\n" }.joined()
        }
        return out + "\nFull page with examples: `dnslint explain \(rule.code)`.\n"
    }

    private static func section(_ title: String, _ rule: RuleMetadata, _ list: [RuleExample], _ root: URL?) throws -> String {
        guard !list.isEmpty else { return "" }
        var out = "\n## \(title)\n"
        for example in list {
            let path = rule.path(of: example)
            // Pages sit in rules/, so the link is relative to it.
            let link = String(path.dropFirst("rules/".count))
            out += "\n### [\(example.folder)](\(link)/)"
            if let caption = example.caption { out += ": \(caption)" }
            out += "\n\n```sh\n\((["dnslint", "check"] + example.arguments + [path]).joined(separator: " "))\n```\n"
            guard let root else { continue }
            let folder = root.appendingPathComponent(rule.code).appendingPathComponent(example.folder)
            for file in try RuleExampleFiles.files(in: folder) {
                out += "\n" + show(file)
            }
        }
        return out
    }

    /// A file as a fenced block; a file that is not text is shown with its control bytes escaped.
    private static func show(_ file: RuleExampleFiles.File) -> String {
        var heading = "`\(file.name)`"
        var text: String
        if let plain = file.text {
            text = plain
        } else {
            heading += " (not a text file: \(file.data.count) bytes, control bytes shown as `\\xNN`)"
            text = String(decoding: file.data, as: UTF8.self).unicodeScalars.map { scalar in
                scalar.value < 0x20 && scalar != "\n" && scalar != "\t" ? String(format: "\\x%02X", scalar.value) : String(scalar)
            }.joined()
        }
        if !text.hasSuffix("\n") { text += "\n" }
        let fence = text.contains("```") ? "~~~~" : "```"
        let language = file.name.hasSuffix(".json") ? "json" : file.name.hasSuffix(".yaml") ? "yaml" : ""
        return "\(heading)\n\n\(fence)\(language)\n\(text)\(fence)\n"
    }

    package static func index(_ rules: [RuleMetadata]) -> String {
        var out = "# dnslint rules\n\nGenerated from the rule metadata by `dnslint generate-docs rules`; do not edit by hand. A test fails when they drift.\n\n"
        out += "| Code | Name | Severity | Summary |\n|---|---|---|---|\n"
        for rule in rules {
            out += "| [\(rule.code)](\(rule.code).md) | \(rule.name) | \(rule.severity.rawValue) | \(rule.summary.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        return out
    }
}

extension RuleDocs {
    /// Every page of `rules/`: file name and content; `examples` is the `rules/examples` folder.
    package static func pages(_ rules: [RuleMetadata], examples: URL) throws -> [(String, String)] {
        try [("README.md", index(rules))] + rules.map { ("\($0.code).md", try markdown(for: $0, examples: examples)) }
    }
}

extension ArgumentKey.ValueType {
    /// The JSON type of the value, as the rule pages and the report schema name it.
    package var jsonName: String {
        switch self {
        case .int: "integer"
        case .string: "string"
        case .bool: "boolean"
        case .strings: "array of strings"
        case .ints: "array of integers"
        case .number: "number"
        }
    }
}
