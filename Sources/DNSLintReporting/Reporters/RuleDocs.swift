import DNSLintModel
/// Markdown documentation of rules, generated from metadata: `rules/*.md` and `dnslint explain`.
package enum RuleDocs {
    package static func markdown(for rule: RuleMetadata) -> String {
        var out = "# \(rule.code) \(rule.name)\n\n"
        out += "**Default severity:** \(rule.severity.rawValue) · **Inputs:** \(rule.inputs.map(\.rawValue).joined(separator: ", "))"
        if !rule.aliases.isEmpty { out += " · **Also known as:** \(rule.aliases.joined(separator: ", "))" }
        out += "\n\n\(rule.summary)\n\n## Why\n\n\(rule.rationale)\n\n## Fix\n\n\(rule.remediation)\n"
        if !rule.references.isEmpty {
            out += "\n## References\n\n" + rule.references.map { "- \($0)\n" }.joined()
        }
        out += examples("Triggers", rule.triggering)
        out += examples("Does not trigger", rule.clean)
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

    private static func examples(_ title: String, _ examples: [RuleExample]) -> String {
        guard !examples.isEmpty else { return "" }
        var out = "\n## \(title)\n"
        for example in examples {
            out += "\n"
            if let caption = example.caption { out += "\(caption.prefix(1).uppercased() + caption.dropFirst()):\n\n" }
            if !example.arguments.isEmpty { out += "With `\(example.arguments.joined(separator: " "))`:\n\n" }
            for file in example.files {
                let fence = file.text.contains("```") ? "~~~~" : "```"
                out += "`\(file.name)`\n\n\(fence)\n\(file.text.filter { $0 != "\u{0}" })\n\(fence)\n"
            }
        }
        return out
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
    /// Every page of `rules/`: file name and content.
    package static func pages(_ rules: [RuleMetadata]) -> [(String, String)] {
        [("README.md", index(rules))] + rules.map { ("\($0.code).md", markdown(for: $0)) }
    }
}
