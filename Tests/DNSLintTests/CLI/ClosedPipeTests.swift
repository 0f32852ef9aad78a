import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `dnslint check … | head`: a reader that closes standard output early ends the run quietly, with the exit
/// code the findings give, after the reports that go to files are written. (SIGPIPE once killed the run at
/// its first write, before the closed-pipe handling could run: no exit code of its own, no other reports.)
@Suite struct ClosedPipeTests {
    struct Ended {
        var status: Int32
        var bySignal: Bool
        var stderr: String
    }

    /// Runs dnslint with standard output a pipe whose reading end is closed before it starts, so its first
    /// write fails whatever the timing; bounded like `runBounded`.
    static func runWithClosedStdout(_ arguments: [String]) throws -> Ended {
        let folder = ScratchFolder()
        defer { folder.remove() }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw CocoaError(.fileWriteUnknown) }
        close(ends[0])
        let writing = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
        let errURL = folder.url.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = TestPaths.binary
        process.arguments = arguments
        process.standardOutput = writing
        process.standardError = err
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        try writing.close()
        if done.wait(timeout: .now() + 60) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            done.wait()
            Issue.record("dnslint did not end")
        }
        try err.close()
        return Ended(status: process.terminationStatus, bySignal: process.terminationReason == .uncaughtSignal,
                     stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    static let zone = zoneText(origin: "pipe.test.", "alias IN CNAME nowhere.pipe.test.\n")

    @Test(arguments: ["text", "json", "sarif"])
    func aClosedStandardOutputEndsTheRunQuietlyWithItsExitCode(_ format: String) throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let zone = try folder.write("pipe.test.zone", Self.zone)
        let ended = try Self.runWithClosedStdout(["check", zone, "--format", format])
        #expect(!ended.bySignal, "killed by signal \(ended.status)")
        #expect(ended.status == 1, "the findings' exit code: \(ended.stderr)")
        #expect(ended.stderr.isEmpty, "\(ended.stderr)")
        let clean = try folder.write("clean.test.zone", zoneText(origin: "clean.test.", ""))
        let cleanRun = try Self.runWithClosedStdout(["check", clean, "--format", format])
        #expect(!cleanRun.bySignal && cleanRun.status == 0 && cleanRun.stderr.isEmpty, "\(cleanRun)")
    }

    /// The report for standard output is cut; the one for a file is still written whole.
    @Test func reportsToFilesAreStillWritten() throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let zone = try folder.write("pipe.test.zone", Self.zone)
        let json = folder.url.appendingPathComponent("report.json")
        let ended = try Self.runWithClosedStdout(["check", zone, "--format", "text", "--format", "json", "--output", "-", "--output", json.path])
        #expect(!ended.bySignal && ended.status == 1 && ended.stderr.isEmpty, "\(ended)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any]
        #expect((report?["findings"] as? [[String: Any]])?.contains { $0["rule"] as? String == "DNS1003" } == true)
    }

    @Test func simulateEndsQuietlyToo() throws {
        let examples = TestPaths.packageRoot.appendingPathComponent("examples")
        let ended = try Self.runWithClosedStdout(["simulate", examples.path, "--lookup", "api.example.com", "--from", "shop/web",
                                                  "--duration", "1m"])
        #expect(!ended.bySignal && ended.status == 0 && ended.stderr.isEmpty, "\(ended)")
    }
}
