@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting
import Foundation
import Testing

/// resolv.conf and manifest fixtures carry their expectations inline. resolv.conf has no trailing
/// comments (a `#` after a search domain is a search domain), so there `# @expect DNS3001` stands on its
/// own line and applies to the next line; in YAML it sits at the end of the line it is about.
/// `# @options --libc musl` sets lint options for the file.
@Suite struct ResolverFixtureTests {
    struct Expectation: Hashable, CustomStringConvertible {
        var line: Int
        var code: String
        var description: String { "\(line) \(code)" }
    }

    static let files: [URL] = ["resolvconf", "kubernetes"].flatMap { folder -> [URL] in
        let url = TestPaths.fixtures(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.sorted().map { url.appendingPathComponent($0) }
    }

    static func expectations(_ text: String, sameLine: Bool) -> (expected: Set<Expectation>, arguments: [String]) {
        var expected = Set<Expectation>()
        var arguments: [String] = []
        var pending: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: "@options ") {
                arguments += line[range.upperBound...].split(separator: " ").map(String.init)
            }
            let codes = line.range(of: "@expect ").map { range in
                line[range.upperBound...].split(separator: " ").filter { $0.hasPrefix("DNS") }.map { String($0.prefix(7)) }
            } ?? []
            if sameLine {
                codes.forEach { expected.insert(Expectation(line: index + 1, code: $0)) }
            } else if !codes.isEmpty {
                pending += codes
            } else if !pending.isEmpty {
                pending.forEach { expected.insert(Expectation(line: index + 1, code: $0)) }
                pending = []
            }
        }
        return (expected, arguments)
    }

    @Test func fixturesExist() {
        #expect(Self.files.count >= 8)
    }

    @Test(arguments: files)
    func inlineExpectationsMatchFindings(_ file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let (expected, arguments) = Self.expectations(text, sameLine: file.pathExtension == "yaml")
        let findings = try Lint.paths([file.path], arguments)
        let actual = Set(findings.compactMap { finding in finding.location.map { Expectation(line: $0.line, code: finding.ruleCode) } })
        #expect(actual.subtracting(expected).isEmpty, "unexpected in \(file.lastPathComponent): \(findings.filter { f in !expected.contains(Expectation(line: f.location?.line ?? 0, code: f.ruleCode)) }.map(\.message))")
        #expect(expected.subtracting(actual).isEmpty, "missing in \(file.lastPathComponent): \(expected.subtracting(actual).sorted { $0.line < $1.line })")
    }

    @Test func podFindingsAreWarningsAndHostFindingsNotes() throws {
        let pod = try Lint.paths([TestPaths.fixtures("kubernetes").appendingPathComponent("workloads.yaml").path])
        let host = try Lint.paths([TestPaths.fixtures("resolvconf").appendingPathComponent("crowded.resolv.conf").path])
        #expect(pod.withCode("DNS3002").allSatisfy { $0.severity == .warning })
        #expect(host.withCode("DNS3002").map(\.severity) == [.note])
    }

    @Test func ndotsMessageGivesTheQueryCount() throws {
        let findings = try Lint.paths([TestPaths.fixtures("resolvconf").appendingPathComponent("pod-eks.resolv.conf").path])
        let ndots = try #require(findings.first { $0.ruleCode == "DNS3001" })
        #expect(ndots.message.contains("api.github.com send up to 10 queries"))
        #expect(ndots.arguments["queries"] == .int(10))
        #expect(ndots.location?.column == 9)
    }
}
