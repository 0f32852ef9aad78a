@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting
import Foundation
import Testing

/// Every zone fixture carries its expectations inline (`; @expect DNS1001`); the shipped examples,
/// which combine zones with a Corefile and manifests, are checked as a whole by `ExamplesTests`.
@Suite struct ZoneFixtureTests {
    static let folders = [TestPaths.fixtures("zones")]

    @Test(arguments: folders)
    func inlineExpectationsMatchFindings(_ folder: URL) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let expected = Set(files.flatMap { ExpectComments.expectations(in: folder.appendingPathComponent($0), shownAs: folder.path + "/" + $0) })
        #expect(!expected.isEmpty)
        let findings = try Lint.paths([folder.path])
        let actual = Set(ExpectComments.actual(findings))
        #expect(actual.subtracting(expected).isEmpty, "unexpected: \(actual.subtracting(expected).sorted { $0.description < $1.description })")
        #expect(expected.subtracting(actual).isEmpty, "missing: \(expected.subtracting(actual).sorted { $0.description < $1.description })")
    }
}
