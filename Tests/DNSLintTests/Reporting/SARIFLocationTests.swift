@testable import DNSLintModel
@testable import DNSLintReporting
@testable import DNSLintRules
import Foundation
import Testing

/// A live finding on a name given only on the command line has no file: SARIF carries it with the name as a
/// logical location, never with an invented artifact, and GitHub's rules still pass.
@Suite struct SARIFLocationTests {
    static let placed = Finding(ruleCode: "DNS1001", ruleName: "cname-chain-no-aaaa", severity: .error, message: "Placed.",
                                location: SourceLocation(path: "names.txt", line: 3),
                                subject: DNSSubject(name: "api.example.com.", type: "AAAA"))
    static let unplaced = Finding(ruleCode: "DNS1013", ruleName: "lookup-failed", severity: .error, message: "Unplaced.",
                                  subject: DNSSubject(name: "cli.example.com.", type: "A", server: "127.0.0.1:53"))

    func render() throws -> [String: Any] {
        let report = LintReport(findings: [Self.placed, Self.unplaced], filesChecked: 0)
        let context = ReportContext(rules: RuleRegistry.all, category: "dnslint/live/", workingDirectory: "/nowhere")
        let text = Reporters.render(report, as: .sarif, context: context)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func unplacedFindingIsANotificationWithItsName() throws {
        let run = try #require((try render()["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 1)
        let location = try #require((results.first?["locations"] as? [[String: Any]])?.first)
        #expect((location["physicalLocation"] as? [String: Any]) != nil)
        let logical = (location["logicalLocations"] as? [[String: Any]])?.first?["fullyQualifiedName"] as? String
        #expect(logical == "api.example.com./AAAA")

        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        let notes = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notes.count == 1)
        #expect((notes.first?["associatedRule"] as? [String: Any])?["id"] as? String == "DNS1013")
        let name = ((notes.first?["locations"] as? [[String: Any]])?.first?["logicalLocations"] as? [[String: Any]])?
            .first?["fullyQualifiedName"] as? String
        #expect(name == "cli.example.com./A")
    }

    @Test func noArtifactIsInvented() throws {
        let data = try JSONSerialization.data(withJSONObject: try render())
        #expect(!String(decoding: data, as: UTF8.self).contains("dnslint-live-audit"))
    }

    @Test(.enabled(if: TestPaths.shared != nil, "needs ../shared/tools/validate-sarif"))
    func passesGitHubsRules() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("live.sarif")
        try JSONSerialization.data(withJSONObject: try render()).write(to: file)
        let tool = try #require(TestPaths.shared).appendingPathComponent("tools/validate-sarif")
        let validation = try runCommand(URL(fileURLWithPath: "/usr/bin/env"), ["python3", tool.path, file.path])
        #expect(validation.status == 0, "\(validation.stdout)\(validation.stderr)")
    }
}
