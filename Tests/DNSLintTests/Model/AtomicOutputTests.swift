@testable import DNSLintModel
import Foundation
import Synchronization
import Testing

/// Reports, captures and baselines take their name only when complete: a killed run never leaves a
/// truncated file where the previous one was.
@Suite struct AtomicOutputTests {
    @Test func uncommittedWritesNeverReachTheTarget() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("report.json")
        try Data("OLD".utf8).write(to: target)
        do {
            let file = try AtomicFile(path: target.path)
            file.handle.write(Data("{\"partial\":".utf8))
            #expect(try String(contentsOf: target, encoding: .utf8) == "OLD")
            file.discard()
        }
        #expect(try String(contentsOf: target, encoding: .utf8) == "OLD")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"], "the temporary file is removed")

        let file = try AtomicFile(path: target.path)
        file.handle.write(Data("NEW".utf8))
        try file.commit()
        #expect(try String(contentsOf: target, encoding: .utf8) == "NEW")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"])
    }

    @Test func aMissingFolderIsAClearError() {
        #expect(throws: InputError.self) { try AtomicFile(path: "/nonexistent-dnslint-folder/report.json") }
    }

    /// Kills `dnslint check` while it writes a large report: the old report must still be there, whole.
    @Test func killedWhileWritingKeepsThePreviousReport() async throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var zone = "$ORIGIN big.test.\n$TTL 300\n@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ IN NS ns1\nns1 IN A 192.0.2.1\n"
        // Every alias ends without an AAAA: many findings, so writing the report takes a while.
        for index in 0..<60_000 { zone += "c\(index) IN CNAME h\(index % 500)\n" }
        for index in 0..<500 { zone += "h\(index) IN A 192.0.2.\(index % 250 + 1)\n" }
        let zoneFile = folder.appendingPathComponent("big.test.zone")
        try Data(zone.utf8).write(to: zoneFile)
        let report = folder.appendingPathComponent("report.json")
        let old = "{\"previous\":true}\n"
        try Data(old.utf8).write(to: report)

        let process = Process()
        process.executableURL = TestPaths.binary
        process.arguments = ["check", zoneFile.path, "--format", "json", "--output", report.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // A plain thread watches for the temporary file: the test's own task pool may be busy with other tests.
        let caught = Atomic<Bool>(false)
        let watched = DispatchSemaphore(value: 0)
        let pid = process.processIdentifier
        let folderPath = folder.path
        Thread.detachNewThread {
            let deadline = Date().addingTimeInterval(120)
            while Date() < deadline, kill(pid, 0) == 0 {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folderPath)) ?? []
                if names.contains(where: { $0.hasPrefix(".report.json.tmp-") }) {
                    kill(pid, SIGKILL)
                    caught.store(true, ordering: .relaxed)
                    break
                }
                usleep(100)
            }
            watched.signal()
        }
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                watched.wait()
                continuation.resume()
            }
        }
        process.waitUntilExit()
        let caughtWriting = caught.load(ordering: .relaxed)
        #expect(caughtWriting, "the run ended before its report was being written; make the zone larger")
        #expect(try String(contentsOf: report, encoding: .utf8) == old)
    }
}
