@testable import DNSLint
@testable import DNSLintInputs
import DNSLintModel
import Foundation
import Testing

/// Only regular files are read: a FIFO, a device or a socket is a DNS0005 finding and is never opened
/// for reading (a FIFO would block `open` forever). Unreadable inputs in a folder are reported as when
/// named directly, and an empty zone file says it holds nothing.
@Suite struct InputFileTests {
    static let fifoReason = "it is a named pipe (FIFO), not a regular file; dnslint reads only regular files"

    @Test func aFIFONamedOnTheCommandLineIsAFindingNotAHang() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipe = folder.appendingPathComponent("pipe.example.zone")
        try makeFIFO(pipe)
        let run = try runBounded(["check", pipe.path, "--format", "json"], seconds: 30)
        #expect(!run.timedOut, "dnslint blocked on the FIFO")
        #expect(run.status == 1)
        #expect(try run.findings() == [
            ReportedFinding(rule: "DNS0005", path: pipe.path, line: 1, message: "\(pipe.path) was not checked: \(Self.fifoReason)."),
        ])
    }

    @Test func aFIFOInAScannedFolderIsReportedWhenItsNameSaysZone() throws {
        let folder = try folderWith(["good.example.zone": zoneText(origin: "good.example.", "")])
        defer { try? FileManager.default.removeItem(at: folder) }
        try makeFIFO(folder.appendingPathComponent("pipe.zone"))
        // Nothing says this one is an input, and its content cannot be looked at: it is left alone.
        try makeFIFO(folder.appendingPathComponent("notes"))
        let run = try runBounded(["check", folder.path, "--format", "json"], seconds: 30)
        #expect(!run.timedOut, "dnslint blocked on a FIFO in the folder")
        let pipePath = folder.path + "/pipe.zone"
        #expect(try run.findings() == [
            ReportedFinding(rule: "DNS0005", path: pipePath, line: 1, message: "\(pipePath) was not checked: \(Self.fifoReason)."),
        ])
        #expect(try run.summary()["files"] as? Int == 2)
    }

    @Test func aFIFOAsIncludeOrImportTargetIsReportedAtTheDirective() throws {
        let zone = zoneText(origin: "inc.example.", "$INCLUDE pipe.inc\nwww IN A 192.0.2.2\n")
        let corefile = ".:53 {\n    import pipe.conf\n    forward . 192.0.2.53\n}\n"
        let folder = try folderWith(["inc.example.zone": zone, "Corefile": corefile])
        defer { try? FileManager.default.removeItem(at: folder) }
        try makeFIFO(folder.appendingPathComponent("pipe.inc"))
        try makeFIFO(folder.appendingPathComponent("pipe.conf"))
        let run = try runBounded(["check", folder.appendingPathComponent("inc.example.zone").path,
                                  folder.appendingPathComponent("Corefile").path, "--format", "json"], seconds: 30)
        #expect(!run.timedOut, "dnslint blocked on an included FIFO")
        let findings = try run.findings().filter { $0.rule == "DNS0005" }
        let shownImport = folder.path + "/pipe.conf"
        #expect(findings.map(\.message).sorted() == [
            "$INCLUDE pipe.inc was not read: \(Self.fifoReason)",
            "import 'pipe.conf' matches \(shownImport), which was not read: \(Self.fifoReason).",
        ])
        #expect(findings.first { $0.message.hasPrefix("$INCLUDE") }?.line == 6)
        #expect(findings.first { $0.message.hasPrefix("import") }?.line == 2)
    }

    @Test func aDeviceNamedDirectlyIsNotRead() throws {
        // /dev/zero would never end; it is refused before a byte is read.
        #expect(try lintFindings(["/dev/zero"]) == [
            ReportedFinding(rule: "DNS0005", path: "/dev/zero", line: 1,
                            message: "/dev/zero was not checked: it is a character device, not a regular file; dnslint reads only regular files."),
        ])
    }

    /// Root reads any file, so the check then runs as `nobody`.
    static var canDropToUnreadable: Bool { getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") }

    @Test(.enabled(if: canDropToUnreadable))
    func anUnreadableFileInAFolderIsReportedAsWhenNamedDirectly() throws {
        let folder = try folderWith(["locked.zone": zoneText(origin: "locked.", ""), "Corefile": ".:53 {\n    whoami\n}\n",
                                     "random.txt": "not an input"])
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["locked.zone", "Corefile", "random.txt"] {
            #expect(chmod(folder.appendingPathComponent(name).path, 0) == 0)
        }
        func check(_ path: String) throws -> BoundedRun {
            let arguments = ["check", path, "--format", "json"]
            if getuid() != 0 { return try runBounded(arguments, seconds: 30) }
            return try runBoundedAs(nobody: arguments, seconds: 30)
        }
        let scanned = try check(folder.path)
        let reason = "it cannot be read (permission denied)"
        #expect(try scanned.findings() == [
            ReportedFinding(rule: "DNS0005", path: folder.path + "/Corefile", line: 1, message: "\(folder.path)/Corefile was not checked: \(reason)."),
            ReportedFinding(rule: "DNS0005", path: folder.path + "/locked.zone", line: 1, message: "\(folder.path)/locked.zone was not checked: \(reason)."),
        ])
        #expect(scanned.status == 1)
        let direct = try check(folder.path + "/locked.zone")
        #expect(try direct.findings() == [try scanned.findings()[1]])
    }

    @Test func aDanglingSymlinkNamedLikeAZoneIsReported() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/gone.zone", withDestinationPath: folder.path + "/missing")
        #expect(try lintFindings([folder.path]) == [
            ReportedFinding(rule: "DNS0005", path: folder.path + "/gone.zone", line: 1,
                            message: "\(folder.path)/gone.zone was not checked: it cannot be read (no such file or directory)."),
        ])
    }

    @Test func anEmptyZoneFileSaysItHoldsNoRecords() throws {
        let folder = try folderWith(["empty.example.zone": ""])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path + "/empty.example.zone"
        #expect(try lintFindings([path]) == [
            ReportedFinding(rule: "DNS1016", path: path, line: 1,
                            message: "The zone empty.example. holds no records, so it has no SOA record at its apex: \(path) is empty or none of its lines is a record."),
        ])
        // Found in a folder, the same.
        #expect(try lintFindings([folder.path]).map(\.rule) == ["DNS1016"])
    }

    /// The zone reader reads each block onto the end of the bytes it has not consumed yet.
    @Test func readingOntoABufferKeepsWhatItHeldAndReadsTheFileOnce() throws {
        let folder = try folderWith(["bytes.zone": String(repeating: "0123456789", count: 1_000)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try RegularFile.open(folder.appendingPathComponent("bytes.zone").path).get()
        var buffer: [UInt8] = Array("kept".utf8)
        var sizes: [Int] = []
        while let got = file.read(upTo: 3_000, appendingTo: &buffer), got > 0 { sizes.append(got) }
        #expect(sizes == [3_000, 3_000, 3_000, 1_000])
        #expect(buffer == Array("kept".utf8) + Array(String(repeating: "0123456789", count: 1_000).utf8))
        #expect(file.read(upTo: 3_000, appendingTo: &buffer) == 0, "at the end it reads nothing and adds nothing")
        #expect(buffer.count == 4 + 10_000)
    }
}
