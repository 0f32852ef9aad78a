import Foundation
import Testing

/// Rules ask views and observations only (ARCHITECTURE.md): a rule that downcasts a view or an input to
/// reach what the model does not give it (`audit.view as? LiveView`, `input as? any DNSView`) depends on
/// whatever happens to conform today. The model hands rules what they need (`DNSView.zone`,
/// `ZoneContents.view`, `NameAudit.recorded`), so no rule code tests or converts a type.
@Suite struct RuleDowncastTests {
    /// `as?`, `as!`, `as` and `is` in code (not comments or messages) of any file under Sources/DNSLintRules.
    @Test func noRuleCastsOrTestsATypeInItsCode() throws {
        let files = try swiftFiles(under: TestPaths.packageRoot.appendingPathComponent("Sources/DNSLintRules"))
        #expect(files.count > 50, "found only \(files.count) rule sources")
        for file in files {
            for (line, text) in TypeTests.lines(in: file.text) {
                Issue.record("Sources/DNSLintRules/\(file.path):\(line): a rule casts or tests a type: \(text)")
            }
        }
    }

    /// The scan finds every form of cast in code and nothing in comments, messages or identifiers.
    @Test func theScanSeesCastsInCodeOnly() {
        let source = ##"""
            let zone = audit.view as? any ZoneContents
            let view = input as! ZoneIndex
            if input is any DNSView { }
            switch input { case let zone as ZoneIndex: break }
            let message = "\(name) is a CNAME \(count == 1 ? "that is" : "as") written as? shown"
            /// A view is what `as? LiveView` once read.
            /* nested /* is */ as? */ let basis = isolated + island
            let raw = #"as? \#(x) is"#
            let coda = "\(zone as? Thing)"
            """##
        #expect(TypeTests.lines(in: source).map(\.line) == [1, 2, 3, 4, 9])
    }
}

/// The lines of Swift code that cast or test a type.
enum TypeTests {
    static func lines(in source: String) -> [(line: Int, text: String)] {
        SwiftCode(source).lines(matching: #/(?:^|[^\w.])(?:as[?!]?|is)(?!\w)/#)
    }
}
