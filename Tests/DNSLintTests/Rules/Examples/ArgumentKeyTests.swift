@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintRules
import Foundation
import Testing

/// The argument keys each rule declares are the ones its findings carry: checked on every finding the rule
/// examples produce, and every declared key is seen at least once.
@Suite struct ArgumentKeyTests {
    static let rules = Dictionary(uniqueKeysWithValues: RuleRegistry.all.map { ($0.metadata.code, $0.metadata) })

    /// Every finding of every example, linted once for the suite.
    static let findings: [Finding] = ExampleCase.all.flatMap { (try? lintExample($0)) ?? [] }

    @Test func findingsCarryOnlyDeclaredKeysWithTheirTypes() throws {
        #expect(!Self.findings.isEmpty)
        for finding in Self.findings {
            let rule = try #require(Self.rules[finding.ruleCode])
            let declared = Dictionary(uniqueKeysWithValues: rule.argumentKeys.map { ($0.key, $0.type) })
            for (key, value) in finding.arguments {
                #expect(declared[key] != nil, "\(finding.ruleCode) finding carries undeclared argument \(key)")
                if let type = declared[key] {
                    #expect(ArgumentKey.ValueType(of: value) == type, "\(finding.ruleCode) \(key) is \(value), declared \(type)")
                }
            }
        }
    }

    @Test func everyDeclaredKeyIsProducedByAnExample() {
        var seen: Set<String> = []
        for finding in Self.findings {
            for key in finding.arguments.keys { seen.insert("\(finding.ruleCode) \(key)") }
        }
        for rule in RuleRegistry.all.map(\.metadata) {
            for key in rule.argumentKeys {
                let produced = seen.contains("\(rule.code) \(key.key)")
                #expect(produced, "no example produces \(rule.code)'s argument \(key.key)")
            }
        }
    }

    @Test func declarationsAreWellFormed() {
        for rule in RuleRegistry.all.map(\.metadata) {
            let keys = rule.argumentKeys.map(\.key)
            #expect(Set(keys).count == keys.count, "\(rule.code) declares a key twice")
            for key in rule.argumentKeys {
                #expect(key.key.range(of: "^[a-z][A-Za-z0-9]*$", options: .regularExpression) != nil, "\(rule.code) \(key.key)")
                #expect(key.description.hasSuffix(".") && !key.description.contains("\n"), "\(rule.code) \(key.key): one sentence, one line")
            }
        }
    }
}
