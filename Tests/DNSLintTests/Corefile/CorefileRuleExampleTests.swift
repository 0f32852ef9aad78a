import Foundation
import Testing
@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting

/// Runs the Corefile rules' examples through the whole pipeline, as the registry-wide example test
/// does, so this family's examples are checked even before that test runs them.
@Suite struct CorefileRuleExampleTests {
    static let rules: [any Rule] = CorefileRules.all + [CorefileSyntaxError()]

    static var cases: [(code: String, index: Int, triggering: Bool)] {
        rules.flatMap { rule in
            rule.metadata.triggering.indices.map { (rule.metadata.code, $0, true) }
                + rule.metadata.clean.indices.map { (rule.metadata.code, $0, false) }
        }
    }

    @Test(arguments: cases.map { "\($0.code) \($0.triggering ? "triggering" : "clean") #\($0.index)" })
    func example(_ label: String) throws {
        let parts = label.split(separator: " ")
        let code = String(parts[0])
        let triggering = parts[1] == "triggering"
        let index = Int(parts[2].dropFirst())!
        let rule = try #require(Self.rules.first { $0.metadata.code == code })
        let example = triggering ? rule.metadata.triggering[index] : rule.metadata.clean[index]
        let folder = try ScratchFolder()
        defer { folder.cleanUp() }
        let paths = try example.files.map { try folder.write($0.name, $0.text) }
        var version: String?
        if let flag = example.arguments.firstIndex(of: "--coredns-version") { version = example.arguments[flag + 1] }
        let found = try lint(paths, corednsVersion: version).codes(code)
        if triggering {
            #expect(!found.isEmpty, "\(label): no finding")
            if let expected = example.expectedCount { #expect(found.count == expected, "\(label): \(found.map(\.message))") }
        } else {
            #expect(found.isEmpty, "\(label): \(found.map(\.message))")
        }
        #expect(found.allSatisfy { $0.location?.path.hasPrefix(folder.url.path) == true })
    }
}
