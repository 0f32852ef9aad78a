@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting
import Foundation
import Testing

@Suite struct RuleDocsTests {
    /// `rules/` is generated; regenerate with `swift run dnslint generate-docs rules`.
    @Test func committedPagesMatchMetadata() throws {
        let folder = TestPaths.packageRoot.appendingPathComponent("rules")
        let pages = try RuleDocs.pages(RuleRegistry.all.map(\.metadata), examples: folder.appendingPathComponent("examples"))
        for (name, text) in pages {
            let committed = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(committed == text, "rules/\(name) drifted from the metadata: run `swift run dnslint generate-docs rules`")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
        #expect(Set(files) == Set(pages.map(\.0)), "rules/ has pages for rules that no longer exist")
    }
}
