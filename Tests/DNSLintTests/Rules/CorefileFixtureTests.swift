import Foundation
import Testing
@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting

/// Every Corefile fixture states its findings inline: `# @expect DNS2001` after a line expects that
/// finding on it; on a line of its own it applies to the next line that is not a comment.
/// `# @args --coredns-version X` sets the version. Findings and expectations must match exactly.
@Suite struct CorefileFixtureTests {
    static let folder = TestPaths.fixtures("corefile")

    static var fixtures: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".corefile") || $0 == "Corefile" }.sorted()
    }

    @Test func fixturesExist() {
        #expect(Self.fixtures.count >= 5)
    }

    @Test(arguments: fixtures)
    func fixtureMatchesItsExpectations(_ name: String) throws {
        let path = Self.folder.appendingPathComponent(name).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let (expected, version) = Self.expectations(in: text)
        let findings = try Lint.paths([path], version.map { ["--coredns-version", $0] } ?? []).filter { $0.location?.path == path }
        let found = findings.map { "\($0.location?.line ?? 0) \($0.ruleCode)" }.sorted()
        #expect(found == expected.sorted(), "\(name): \(findings.map { "\($0.location?.line ?? 0) \($0.ruleCode) \($0.message)" })")
    }

    static func expectations(in text: String) -> (lines: [String], version: String?) {
        var expected: [String] = []
        var pending: [String] = []
        var version: String?
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            let parts = line.components(separatedBy: "#")
            let code = parts[0].trimmingCharacters(in: .whitespaces)
            let comment = parts.dropFirst().joined(separator: "#")
            var codes: [String] = []
            if let range = comment.range(of: "@expect") {
                codes = comment[range.upperBound...].split(separator: " ").map(String.init).filter { $0.hasPrefix("DNS") }
            }
            if let range = comment.range(of: "@args --coredns-version ") {
                version = comment[range.upperBound...].trimmingCharacters(in: .whitespaces)
            }
            if code.isEmpty {
                pending += codes
            } else {
                expected += (pending + codes).map { "\(index + 1) \($0)" }
                pending = []
            }
        }
        return (expected, version)
    }
}
