@testable import DNSLint
@testable import DNSLintModel
import Foundation
import Testing

/// A run that runs out of time or is told to stop reports what it has, says what it left undone, and
/// leaves valid files behind.
@Suite struct DeadlineTests {
    static func names(_ count: Int) -> [String] { (0..<count).map { "n\($0).silent.bad.test." } }

    @Test func liveStopsSendingAtItsDeadline() async throws {
        let server = try MisbehavingServer()
        defer { server.stop() }
        var lint = LintOptions()
        lint.stop = RunStop.install(deadline: 1, text: "1s", signals: false)
        let report = try await LiveRun.run(names: NameSource(arguments: Self.names(400)), live: {
            var live = LiveOptions()
            live.servers = ["127.0.0.1:\(server.port)"]
            live.timeoutSeconds = 0.3
            live.retries = 0
            live.concurrency = 20
            live.queriesPerSecond = 0
            live.progress = false
            return live
        }(), lint: lint)
        // 400 silent names at 20 in flight take 6 s; a 1 s deadline leaves most of them unasked. (Wall time is
        // not asserted: a loaded test machine stretches it, the accounting below does not.)
        #expect(report.int("names") < 400)
        let cut = try #require(report.findings.first { $0.ruleCode == "DNS0007" })
        #expect(cut.message.contains("--deadline of 1s passed"))
        guard case .int(let missed) = cut.arguments["namesNotAudited"] else { Issue.record("no count"); return }
        #expect(missed > 0)
        #expect(report.int("names") + missed == 400, "every name is either audited or counted as not audited")
        #expect(report.findings.filter { $0.ruleCode == "DNS1013" }.count == report.int("names"), "names already asked are judged")
        #expect(!cut.message.contains("not judged"))
    }

    /// SIGTERM to `dnslint live`: a complete JSON report with DNS0007, a valid capture, exit 1.
    @Test func sigtermWritesWhatIsKnown() async throws {
        let server = try MisbehavingServer()
        defer { server.stop() }
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let namesFile = folder.appendingPathComponent("names.txt")
        try Data(Self.names(2_000).joined(separator: "\n").utf8).write(to: namesFile)
        let report = folder.appendingPathComponent("report.json")
        let capture = folder.appendingPathComponent("run.capture.json")
        try Data("stale".utf8).write(to: report)
        let process = Process()
        process.executableURL = TestPaths.binary
        process.arguments = ["live", "--names-file", namesFile.path, "--server", "127.0.0.1:\(server.port)",
                             "--timeout", "0.3", "--retries", "0", "--concurrency", "20", "--qps", "0", "--no-progress",
                             "--capture", capture.path, "--format", "json", "--output", report.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try await Task.sleep(for: .milliseconds(1_500))
        #expect(process.isRunning, "2,000 silent names take far longer than 1.5 s")
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(15)
        while process.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(!process.isRunning, "SIGTERM ends the run within its timeouts")
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)

        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        let cut = try #require(findings.first { $0["rule"] as? String == "DNS0007" || $0["code"] as? String == "DNS0007" })
        #expect((cut["message"] as? String)?.contains("SIGTERM") == true)
        let analyzed = try await runCommand(TestPaths.binary, ["analyze", capture.path, "--format", "json"])
        #expect(analyzed.status == 0 || analyzed.status == 1, "\(analyzed.stderr)")
        #expect(analyzed.stdout.contains("\"findings\""))
    }
}
