@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting
import Foundation
import Testing

/// One executable rule example: the rule, the example and whether it must trigger.
struct ExampleCase: Sendable, CustomTestStringConvertible {
    var rule: RuleMetadata
    var example: RuleExample
    var triggering: Bool

    /// The example's folder relative to the package root, as findings and markers name it.
    var path: String { rule.path(of: example) }
    var folder: URL { TestPaths.packageRoot.appendingPathComponent(path) }
    var testDescription: String { path }

    static let all: [ExampleCase] = RuleRegistry.all.map(\.metadata).flatMap { rule in
        rule.triggering.map { ExampleCase(rule: rule, example: $0, triggering: true) }
            + rule.clean.map { ExampleCase(rule: rule, example: $0, triggering: false) }
    }
}

/// Lints an example's folder in place, as `dnslint check [arguments] FOLDER` does.
func lintExample(_ item: ExampleCase) throws -> [Finding] {
    try Lint.paths([item.folder.path], item.example.arguments)
}

/// Where findings landed, with paths relative to the package root (captures name their names file so);
/// a finding without a location shows as `-:0`, which no marker can match.
func pinned(_ findings: [Finding]) -> [ExpectComments.Expectation] {
    let prefix = TestPaths.packageRoot.path + "/"
    return findings.map { finding in
        guard let location = finding.location else { return ExpectComments.Expectation(path: "-", line: 0, code: finding.ruleCode) }
        let path = location.path.hasPrefix(prefix) ? String(location.path.dropFirst(prefix.count)) : location.path
        return ExpectComments.Expectation(path: path, line: location.line, code: finding.ruleCode)
    }.sorted()
}

/// The `@expect` markers in every file of an example (JSON captures carry none: their names file does).
func markers(_ item: ExampleCase) throws -> [ExpectComments.Expectation] {
    try RuleExampleFiles.files(in: item.folder).flatMap { file in
        ExpectComments.expectations(in: item.folder.appendingPathComponent(file.name), shownAs: item.path + "/" + file.name)
    }.sorted()
}

@Suite struct RuleExampleTests {
    /// Every finding of every rule lands on a line whose marker names it, as often as it names it, and every
    /// marker is met: a triggering example shows its rule, a clean example shows nothing at all (DNS0xxx
    /// included). Where a clean example of a combination rule keeps one of its parts on purpose, that part's
    /// own finding is suppressed inline with the reason, so the example still shows what is accepted.
    @Test(arguments: ExampleCase.all)
    func example(_ item: ExampleCase) throws {
        let expected = try markers(item)
        let actual = pinned(try lintExample(item))
        #expect(actual == expected, "\(item.path): findings differ from the @expect markers")
        if item.triggering {
            #expect(expected.contains { $0.code == item.rule.code }, "\(item.path) marks no \(item.rule.code) finding")
        } else {
            #expect(expected.isEmpty, "\(item.path) is a clean example but expects \(expected)")
        }
    }

    /// A clean example may accept another rule's finding inline, never its own rule's: that would pass
    /// by hiding the very finding the example says does not happen.
    @Test(arguments: ExampleCase.all.filter { !$0.triggering })
    func cleanExampleDoesNotSuppressItsOwnRule(_ item: ExampleCase) throws {
        let own = [item.rule.code.lowercased(), item.rule.name]
        for file in try RuleExampleFiles.files(in: item.folder) {
            for line in (file.text ?? "").split(separator: "\n") where line.contains("dnslint:") && line.contains("disable") {
                let selectors = line.split(separator: "--").first.map { String($0).lowercased() } ?? ""
                let names = selectors.split { $0 == " " || $0 == "," }.map(String.init)
                #expect(!names.contains { name in own.contains(name) || (name.hasPrefix("dns") && own[0].hasPrefix(name)) },
                        "\(item.path)/\(file.name) suppresses \(item.rule.code) itself: \(line)")
            }
        }
    }

    /// `rules/examples` holds exactly the declared folders: `<code>/triggering-N` and `<code>/clean-N`.
    @Test func everyExampleFolderIsDeclared() throws {
        let root = TestPaths.packageRoot.appendingPathComponent(RuleExampleFiles.root)
        let onDisk = Set(try RuleExampleFiles.files(in: root).map(\.name).compactMap { name -> String? in
            let parts = name.split(separator: "/")
            return parts.count > 2 ? parts.prefix(2).joined(separator: "/") : nil
        })
        let declared = ExampleCase.all.map { "\($0.rule.code)/\($0.example.folder)" }
        #expect(onDisk == Set(declared))
        #expect(Set(declared).count == declared.count, "two examples share a folder")
        for item in ExampleCase.all {
            let kind = item.triggering ? "triggering" : "clean"
            #expect(item.example.folder.range(of: "^\(kind)-[1-9][0-9]*$", options: .regularExpression) != nil,
                    "\(item.path) should be named \(kind)-N")
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
