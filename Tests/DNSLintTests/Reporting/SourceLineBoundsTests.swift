@testable import DNSLintInputs
@testable import DNSLintModel
@testable import DNSLintReporting
import Foundation
import Testing

/// Reporters read input lines back only from regular files within the input cap, a block at a time, and
/// show a bounded, cleaned excerpt. (A 300 MB sparse zone once took 58 s and printed 4 KB of NULs in text,
/// 48 s and 645 MB in SARIF, which read the whole file for its fingerprints.)
@Suite struct SourceLineBoundsTests {
    /// Runs dnslint under /usr/bin/time: exit status, stdout bytes and peak memory in KiB.
    static func measured(_ arguments: [String]) throws -> (run: BoundedRun, peakKiB: Int) {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let log = folder.url.appendingPathComponent("time.log").path
        let run = try runBounded(["-f", "%M", "-o", log, TestPaths.binary.path] + arguments, seconds: 60,
                                 executable: URL(fileURLWithPath: "/usr/bin/time"))
        let peak = Int((try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: "\n").last ?? "") ?? -1
        return (run, peak)
    }

    static func sparseFile(_ folder: ScratchFolder, megabytes: Int) throws -> String {
        let path = folder.url.appendingPathComponent("huge.test.zone").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(megabytes) << 20)
        try handle.close()
        return path
    }

    /// Over the cap: the file is a DNS0005 finding, and no reporter reads it again.
    @Test(arguments: ["text", "sarif"])
    func aSparseFileOverTheCapIsNotReadBack(_ format: String) throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let path = try Self.sparseFile(folder, megabytes: 300)
        let (run, peak) = try Self.measured(["check", path, "--format", format])
        #expect(!run.timedOut)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("\(path) was not checked: it is \(300 << 20) bytes, more than the limit of \(256 << 20) bytes for one input file."))
        #expect(run.stdout.utf8.count < (format == "text" ? 8 << 10 : 512 << 10), "a bounded report (SARIF describes every rule)")
        #expect(!run.stdout.utf8.contains(0), "no NUL reaches the report")
        #expect(peak > 0 && peak < 200 << 10, "peak memory \(peak) KiB")
        if format == "sarif" { #expect((try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) != nil) }
    }

    /// Within a raised cap: the one 300 MB "line" of NULs is read through once, a block at a time, and shown
    /// as a short excerpt with its cut marked, NULs replaced.
    @Test(arguments: ["text", "sarif"])
    func aSparseFileWithinTheCapIsStreamed(_ format: String) throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let path = try Self.sparseFile(folder, megabytes: 300)
        let (run, peak) = try Self.measured(["check", path, "--format", format, "--max-file-bytes", "1G"])
        #expect(!run.timedOut)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("\(path) was not checked: it is not a text file."), "\(run.stdout.prefix(2000))")
        #expect(run.stdout.utf8.count < (format == "text" ? 8 << 10 : 512 << 10), "a bounded report (SARIF describes every rule)")
        #expect(!run.stdout.utf8.contains(0), "no NUL reaches the report")
        #expect(peak > 0 && peak < 200 << 10, "peak memory \(peak) KiB")
        if format == "text" {
            #expect(run.stdout.contains("\n  " + String(repeating: "?", count: Excerpt.lineLimit - 3) + "...\n"))
        }
    }

    /// Under a lowered cap too: a zone over it is a DNS0005 finding at its line 1, and no format reads that
    /// line back (junit once named the case by it, reading with the default cap).
    @Test(arguments: ["text", "junit"])
    func aFileOverALoweredCapIsNotReadBack(_ format: String) throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let first = "www IN TXT \"" + String(repeating: "over-the-cap ", count: 100) + "\""
        let path = try folder.write("big.test.zone", first + "\n" + zoneText(origin: "big.test.", ""))
        let run = try runBounded(["check", path, "--max-file-bytes", "1K", "--format", format], seconds: 60)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("more than the limit of 1024 bytes for one input file"), "\(run.stdout)")
        #expect(!run.stdout.lowercased().contains("over-the-cap"), "\(format) read the line back:\n\(run.stdout)")
    }

    @Test func linesAreReadForwardAndRereadWhenAskedBack() throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let long = String(repeating: "x", count: 5000)
        let path = try folder.write("f.txt", "one\r\ntwo\n\(long)\nctl\u{1B}[31m\u{0}\tend\n")
        let lines = SourceLines()
        #expect(lines.line(2, of: path) == "two")
        #expect(lines.line(1, of: path) == "one", "an earlier line reopens the file")
        #expect(lines.line(3, of: path) == String(repeating: "x", count: 4096) + "...", "keys use a line's first 4,096 bytes")
        #expect(lines.shownLine(3, of: path) == String(repeating: "x", count: Excerpt.lineLimit - 3) + "...")
        #expect(lines.shownLine(4, of: path) == "ctl?[31m? end")
        #expect(lines.line(5, of: path) == "", "the empty line after the last break exists, as editors count")
        #expect(lines.line(6, of: path) == nil)
        #expect(SourceLines(maxFileBytes: 10).line(1, of: path) == nil, "a file over the cap is not read")
        let fifo = folder.url.appendingPathComponent("pipe")
        try makeFIFO(fifo)
        #expect(SourceLines().line(1, of: fifo.path) == nil, "a FIFO is not opened")
    }

    /// The folder scan's look for `$INCLUDE` lines streams each zone within the same cap.
    @Test func theIncludeScanKeepsToTheCap() throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let path = try folder.write("a.zone", "; x\n  $include\t\"hosts.inc\" sub\n$INCLUDE /abs/other.inc\nwww IN A 192.0.2.1\n")
        #expect(IncludedFiles.includes(in: path, limit: 1 << 20) == [folder.url.appendingPathComponent("hosts.inc").path, "/abs/other.inc"])
        #expect(IncludedFiles.includes(in: path, limit: 16).isEmpty, "a zone over the cap is not read")
    }
}
