import Foundation
import Testing

/// `--deadline`, SIGTERM and SIGINT through the built binary, for `check` and `live`: the run ends with exit 1,
/// complete JSON and SARIF reports holding one DNS0007 that counts what was left out, reports that replaced
/// the previous run's files (never left looking fresh), and, live, a capture `analyze` reads.
@Suite(.serialized) struct RunStopCLITests {
    static let zoneCount = 400

    /// By default 400 zones of 1,000 records: seconds of reading in a debug build, so a signal lands mid-run.
    static func zones(in folder: URL, count: Int = zoneCount, records: Int = 1000) throws -> URL {
        let zones = folder.appendingPathComponent("zones")
        try FileManager.default.createDirectory(at: zones, withIntermediateDirectories: true)
        for file in 0..<count {
            let name = String(format: "z%03d", file)
            var text = zoneText(origin: "\(name).test.", "")
            for record in 0..<records { text += "h\(record) IN A 192.0.2.\(record % 250 + 1)\n" }
            try Data(text.utf8).write(to: zones.appendingPathComponent("\(name).test.zone"))
        }
        return zones
    }

    /// The previous run's reports, which the stopped run must replace.
    static func staleReports(in folder: URL) throws -> (json: URL, sarif: URL) {
        let json = folder.appendingPathComponent("report.json")
        let sarif = folder.appendingPathComponent("report.sarif")
        try Data("{\"stale\":true}".utf8).write(to: json)
        try Data("{\"stale\":true}".utf8).write(to: sarif)
        return (json, sarif)
    }

    /// Both reports are complete, replaced, and hold exactly one DNS0007; returns it and the JSON summary.
    static func checkReports(_ json: URL, _ sarif: URL) throws -> (cut: [String: Any], summary: [String: Any]) {
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any], "valid JSON")
        #expect(report["stale"] == nil, "the previous report was replaced")
        let findings = try #require(report["findings"] as? [[String: Any]])
        let cuts = findings.filter { $0["rule"] as? String == "DNS0007" }
        #expect(cuts.count == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: sarif)) as? [String: Any], "valid SARIF")
        #expect(log["stale"] == nil, "the previous SARIF was replaced")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = (run["results"] as? [[String: Any]] ?? []).filter { $0["ruleId"] as? String == "DNS0007" }
        let notifications = ((run["invocations"] as? [[String: Any]])?.first?["toolExecutionNotifications"] as? [[String: Any]] ?? [])
            .filter { ($0["associatedRule"] as? [String: Any])?["id"] as? String == "DNS0007" }
        #expect(results.count + notifications.count == 1, "one DNS0007 in the SARIF too")
        return (try #require(cuts.first), report["summary"] as? [String: Any] ?? [:])
    }

    static func int(_ finding: [String: Any], _ key: String) -> Int {
        (finding["arguments"] as? [String: Any])?[key] as? Int ?? -1
    }

    /// Starts dnslint, waits until `ready` (its stop handlers are installed by then), signals it, and waits
    /// for it to end; returns the exit status.
    static func interrupt(_ arguments: [String], with signal: Int32, when ready: @escaping @Sendable (pid_t) -> Bool) async throws -> Int32 {
        let process = Process()
        process.executableURL = TestPaths.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        let signalled = try await offThePool { () -> Bool in
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline, kill(pid, 0) == 0 {
                if ready(pid) {
                    kill(pid, signal)
                    return true
                }
                usleep(2_000)
            }
            return false
        }
        #expect(signalled, "the run ended before it could be signalled")
        let ended = try await offThePool { () -> Bool in
            let deadline = Date().addingTimeInterval(60)
            while process.isRunning, Date() < deadline { usleep(20_000) }
            return !process.isRunning
        }
        #expect(ended, "the signal ends the run")
        if !ended { kill(pid, SIGKILL) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Whether the process has a file below `folder` open.
    static func hasOpen(_ pid: pid_t, below folder: String) -> Bool {
        let fds = "/proc/\(pid)/fd"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: fds)) ?? [] {
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: fds + "/" + entry), target.hasPrefix(folder) { return true }
        }
        return false
    }

    // MARK: - check

    /// A deadline of zero has passed before the first file is read (`RunStop.install` requests the stop at
    /// once), so the counts are exact whatever the machine's speed: every zone is counted as not read.
    @Test func checkStopsAtItsDeadline() async throws {
        let folder = TestPaths.temporaryFolder().resolvingSymlinksInPath()
        defer { try? FileManager.default.removeItem(at: folder) }
        let zones = try Self.zones(in: folder, count: 3, records: 10)
        let (json, sarif) = try Self.staleReports(in: folder)
        let run = try await offThePool {
            try runBounded(["check", zones.path, "--deadline", "0s", "--format", "json", "--output", json.path,
                            "--format", "sarif", "--output", sarif.path], seconds: 60)
        }
        #expect(!run.timedOut)
        #expect(run.status == 1, "\(run.stderr)")
        let (cut, summary) = try Self.checkReports(json, sarif)
        #expect(Self.int(cut, "filesNotRead") == 3)
        #expect(summary["files"] as? Int == 0)
        #expect(cut["message"] as? String
                == "The run was cut short because its --deadline of 0s passed: 3 input files not read, the first of them here; this report is incomplete.")
        let location = cut["location"] as? [String: Any]
        #expect(location?["path"] as? String == zones.appendingPathComponent("z000.test.zone").path)
        #expect(location?["line"] as? Int == 1)
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func checkStopsOnASignal(_ signal: Int32) async throws {
        let folder = TestPaths.temporaryFolder().resolvingSymlinksInPath()
        defer { try? FileManager.default.removeItem(at: folder) }
        let zones = try Self.zones(in: folder)
        let (json, sarif) = try Self.staleReports(in: folder)
        let zonesPath = zones.path
        let status = try await Self.interrupt(["check", zones.path, "--format", "json", "--output", json.path,
                                               "--format", "sarif", "--output", sarif.path], with: signal) { pid in
            // A zone open: the run is reading, past installing its signal handlers.
            Self.hasOpen(pid, below: zonesPath)
        }
        #expect(status == 1)
        let (cut, summary) = try Self.checkReports(json, sarif)
        let notRead = Self.int(cut, "filesNotRead")
        #expect(notRead > 0)
        #expect(notRead + (summary["files"] as? Int ?? -1) == Self.zoneCount)
        let why = signal == SIGTERM ? "it was asked to stop (SIGTERM)" : "it was interrupted (SIGINT)"
        #expect((cut["message"] as? String)?.hasPrefix("The run was cut short because \(why): \(notRead) input files not read") == true,
                "\(cut["message"] ?? "")")
    }

    // MARK: - live

    static let nameCount = 2_000

    /// Names a MisbehavingServer never answers; 2,000 of them at 20 in flight and 0.3 s take 30 s.
    static func namesFile(in folder: URL) throws -> URL {
        let file = folder.appendingPathComponent("names.txt")
        try Data((0..<nameCount).map { "n\($0).silent.bad.test." }.joined(separator: "\n").utf8).write(to: file)
        return file
    }

    /// What each live test starts from: a server that never answers the names, the names file, and the previous
    /// run's reports and capture in a scratch folder; `arguments` run them into that folder.
    struct LiveSetup {
        let server: MisbehavingServer
        let folder: URL
        let names: URL
        let json: URL
        let sarif: URL
        let capture: URL

        init() throws {
            server = try MisbehavingServer()
            folder = TestPaths.temporaryFolder().resolvingSymlinksInPath()
            names = try RunStopCLITests.namesFile(in: folder)
            (json, sarif) = try RunStopCLITests.staleReports(in: folder)
            capture = folder.appendingPathComponent("run.capture.json")
            try Data("stale".utf8).write(to: capture)
        }

        var arguments: [String] {
            ["live", "--names-file", names.path, "--server", "127.0.0.1:\(server.port)", "--timeout", "0.3", "--retries", "0",
             "--concurrency", "20", "--qps", "0", "--no-progress", "--capture", capture.path,
             "--format", "json", "--output", json.path, "--format", "sarif", "--output", sarif.path]
        }

        func remove() {
            server.stop()
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// The capture replaced the stale one and `analyze` reads it: one DNS1013 per name the run audited.
    static func checkCapture(_ capture: URL, audited: Int) async throws {
        let analyzed = try await runCommand(TestPaths.binary, ["analyze", capture.path, "--format", "json"])
        #expect(analyzed.status == 0 || analyzed.status == 1, "\(analyzed.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(analyzed.stdout.utf8)) as? [String: Any])
        let findings = report["findings"] as? [[String: Any]] ?? []
        #expect(findings.filter { $0["rule"] as? String == "DNS1013" }.count == audited)
    }

    static func checkLiveCut(_ cut: [String: Any], summary: [String: Any], why: String) -> Int {
        let audited = summary["names"] as? Int ?? -1
        let notAudited = Self.int(cut, "namesNotAudited")
        #expect(notAudited > 0)
        #expect(audited + notAudited == nameCount, "every name is either audited or counted as not audited")
        #expect((cut["message"] as? String)?.hasPrefix("The run was cut short because \(why): \(notAudited) names not audited") == true,
                "\(cut["message"] ?? "")")
        return audited
    }

    @Test func liveStopsOnSIGINT() async throws {
        let live = try LiveSetup()
        defer { live.remove() }
        let folderPath = live.folder.path
        let status = try await Self.interrupt(live.arguments, with: SIGINT) { _ in
            // The capture's temporary file exists once the run is probing, past installing its handlers;
            // a second later some names are done.
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folderPath)) ?? []
            guard names.contains(where: { $0.hasPrefix(".run.capture.json.tmp-") }) else { return false }
            usleep(1_000_000)
            return true
        }
        #expect(status == 1)
        let (cut, summary) = try Self.checkReports(live.json, live.sarif)
        let audited = Self.checkLiveCut(cut, summary: summary, why: "it was interrupted (SIGINT)")
        try await Self.checkCapture(live.capture, audited: audited)
    }

    @Test func liveStopsAtItsDeadline() async throws {
        let live = try LiveSetup()
        defer { live.remove() }
        let arguments = live.arguments + ["--deadline", "2s"]
        let run = try await offThePool { try runBounded(arguments, seconds: 120) }
        #expect(!run.timedOut)
        #expect(run.status == 1, "\(run.stderr)")
        let (cut, summary) = try Self.checkReports(live.json, live.sarif)
        let audited = Self.checkLiveCut(cut, summary: summary, why: "its --deadline of 2s passed")
        try await Self.checkCapture(live.capture, audited: audited)
    }
}
