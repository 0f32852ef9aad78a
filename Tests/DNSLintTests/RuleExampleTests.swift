@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting
import Foundation
import Testing

/// One executable rule example: the rule, which example, and whether it must trigger.
struct ExampleCase: Sendable, CustomTestStringConvertible {
    var code: String
    var index: Int
    var triggering: Bool
    var example: RuleExample
    var testDescription: String { "\(code) \(triggering ? "triggering" : "clean") #\(index + 1)" }

    static let all: [ExampleCase] = RuleRegistry.all.flatMap { rule in
        let meta = rule.metadata
        return meta.triggering.enumerated().map { ExampleCase(code: meta.code, index: $0, triggering: true, example: $1) }
            + meta.clean.enumerated().map { ExampleCase(code: meta.code, index: $0, triggering: false, example: $1) }
    }
}

/// Writes an example's files into a fresh folder and lints the folder as the CLI would.
func lintExample(_ example: RuleExample) throws -> [Finding] {
    let folder = TestPaths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for file in example.files {
        let url = folder.appendingPathComponent(file.name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(file.text.utf8).write(to: url)
    }
    let options = try LintArguments.options(from: example.arguments)
    return try Linter.run(paths: [folder.path], options: options).findings
}

@Suite struct RuleExampleTests {
    @Test(arguments: ExampleCase.all)
    func example(_ item: ExampleCase) throws {
        let findings = try lintExample(item.example).filter { $0.ruleCode == item.code }
        if item.triggering {
            if let expected = item.example.expectedCount {
                #expect(findings.count == expected, "\(findings.map(\.message))")
            } else {
                #expect(!findings.isEmpty)
            }
        } else {
            #expect(findings.isEmpty, "\(findings.map(\.message))")
        }
    }

    @Test func everyRuleHasBothKindsOfExample() {
        for rule in RuleRegistry.all.map(\.metadata) {
            #expect(!rule.triggering.isEmpty, "\(rule.code) has no triggering example")
            #expect(!rule.clean.isEmpty, "\(rule.code) has no clean example")
        }
    }

    @Test func codesAndNamesAreUniqueAndWellFormed() {
        let rules = RuleRegistry.all.map(\.metadata)
        #expect(Set(rules.map(\.code)).count == rules.count)
        #expect(Set(rules.map(\.name)).count == rules.count)
        for rule in rules {
            #expect(rule.code.range(of: #"^DNS[0-4]\d{3}$"#, options: .regularExpression) != nil, "\(rule.code)")
            #expect(rule.name.range(of: #"^[a-z0-9]+(-[a-z0-9]+)*$"#, options: .regularExpression) != nil, "\(rule.name)")
            #expect(rule.summary.hasSuffix("."), "\(rule.code) summary should be a sentence")
        }
    }

    @Test func explainFindsRulesByCodeNameAndCase() {
        #expect(RuleRegistry.rule(named: "DNS1001")?.metadata.name == "cname-chain-no-aaaa")
        #expect(RuleRegistry.rule(named: "dns1001")?.metadata.code == "DNS1001")
        #expect(RuleRegistry.rule(named: "cname-chain-no-aaaa")?.metadata.code == "DNS1001")
        #expect(RuleRegistry.rule(named: "no-such-rule") == nil)
    }
}
