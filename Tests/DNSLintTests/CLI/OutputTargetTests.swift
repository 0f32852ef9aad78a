import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `--output` replaces a regular file atomically, but never replaces what is not one: a symbolic link is
/// written through (the link stays), and a device or FIFO is written in place and keeps its file type.
/// (The temporary-file-and-rename writer once replaced /dev/null with a regular file when run as root.)
@Suite struct OutputTargetTests {
    static let zone = zoneText(origin: "out.test.", "alias IN CNAME nowhere.out.test.\n")

    static func fileType(_ path: String, followingLinks: Bool = false) -> mode_t {
        var status = stat()
        let result = followingLinks ? stat(path, &status) : lstat(path, &status)
        return result == 0 ? status.st_mode & S_IFMT : 0
    }

    static func isReport(_ data: Data) -> Bool {
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        return (object?["findings"] as? [[String: Any]])?.contains { $0["rule"] as? String == "DNS1003" } == true
    }

    @Test func aSymbolicLinkIsWrittenThroughAndKept() throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let zone = try folder.write("out.test.zone", Self.zone)
        try folder.write("reports/real.json", "OLD")
        let link = folder.url.appendingPathComponent("latest.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "reports/real.json")

        let run = try runBounded(["check", zone, "--format", "json", "--output", link], seconds: 60)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(Self.fileType(link) == S_IFLNK, "the link is still a link")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "reports/real.json")
        #expect(Self.isReport(try Data(contentsOf: folder.url.appendingPathComponent("reports/real.json"))))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("reports").path) == ["real.json"],
                "the temporary file went beside the link's target and was renamed there")
    }

    @Test func aDanglingLinkCreatesTheFileItNames() throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let zone = try folder.write("out.test.zone", Self.zone)
        let link = folder.url.appendingPathComponent("latest.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "new.json")

        let run = try runBounded(["check", zone, "--format", "json", "--output", link], seconds: 60)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(Self.fileType(link) == S_IFLNK)
        #expect(Self.isReport(try Data(contentsOf: folder.url.appendingPathComponent("new.json"))))
    }

    /// A FIFO another process reads from gets the report and stays a FIFO.
    @Test func aFIFOIsWrittenInPlace() throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let zone = try folder.write("out.test.zone", Self.zone)
        let fifo = folder.url.appendingPathComponent("report.pipe")
        try makeFIFO(fifo)
        // A non-blocking reader is open before dnslint starts; the small report fits the pipe's buffer.
        let reader = open(fifo.path, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }

        let run = try runBounded(["check", zone, "--format", "json", "--output", fifo.path], seconds: 60)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(Self.fileType(fifo.path) == S_IFIFO, "still a FIFO")
        var received = [UInt8](repeating: 0, count: 1 << 16)
        let count = read(reader, &received, received.count)
        #expect(count > 0)
        #expect(Self.isReport(Data(received.prefix(max(0, count)))))
    }

    /// Nobody reads the FIFO: a one-line error at once (exit 2), not a run blocked forever in `open`.
    @Test func aFIFOWithoutAReaderIsAnErrorNotAHang() throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let zone = try folder.write("out.test.zone", Self.zone)
        let fifo = folder.url.appendingPathComponent("report.pipe")
        try makeFIFO(fifo)
        let run = try runBounded(["check", zone, "--format", "json", "--output", fifo.path], seconds: 60)
        #expect(!run.timedOut)
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(fifo.path): cannot write the file (nothing reads from it)"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(Self.fileType(fifo.path) == S_IFIFO)
    }

    /// A null device of our own (made with mknod, root only) stays a character device. Never /dev/null itself:
    /// were the bug back, a test run as root would replace the machine's /dev/null.
    @Test(.enabled(if: getuid() == 0, "mknod needs root")) func aCharacterDeviceKeepsItsType() throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let zone = try folder.write("out.test.zone", Self.zone)
        let device = folder.url.appendingPathComponent("null").path
        // Major 1, minor 3: the null device.
        guard mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0 else {
            Issue.record("mknod failed: \(String(cString: strerror(errno)))")
            return
        }
        let run = try runBounded(["check", zone, "--format", "json", "--output", device], seconds: 60)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(Self.fileType(device) == S_IFCHR, "still a character device")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["null", "out.test.zone"],
                "no temporary file was left beside it")
    }

    /// Runs dnslint inside a bash `script` ("$0" is the binary, "$@" the arguments), for outputs only a shell
    /// sets up: a pipe on standard output, another descriptor, a process substitution. What reaches the
    /// script's own standard output is the run's stdout.
    static func inBash(_ script: String, _ arguments: [String]) throws -> BoundedRun {
        try runBounded(["-c", script, TestPaths.binary.path] + arguments, seconds: 60, executable: URL(fileURLWithPath: "/bin/bash"))
    }

    /// /dev/stdout on a pipe is /proc/self/fd/1, whose link reads back as `pipe:[N]`: written in place, not
    /// taken for a new file in /proc/self/fd/ (where the temporary file could not be made).
    @Test func standardOutputOnAPipeGetsTheReport() throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let zone = try folder.write("out.test.zone", Self.zone)
        let run = try Self.inBash(#""$0" "$@" | cat; exit "${PIPESTATUS[0]}""#, ["check", zone, "--format", "json", "--output", "/dev/stdout"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(Self.isReport(Data(run.stdout.utf8)), "\(run.stdout)")
    }

    @Test func aDescriptorOnAPipeGetsTheReport() throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let zone = try folder.write("out.test.zone", Self.zone)
        // Descriptor 3 is the pipe to cat; dnslint's own standard output goes to stderr, out of the way.
        let run = try Self.inBash(#"{ "$0" "$@" 3>&1 1>&2; } | cat; exit "${PIPESTATUS[0]}""#,
                                  ["check", zone, "--format", "json", "--output", "/dev/fd/3"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(Self.isReport(Data(run.stdout.utf8)), "\(run.stdout)")
    }

    @Test func aProcessSubstitutionGetsTheReport() throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let zone = try folder.write("out.test.zone", Self.zone)
        let run = try Self.inBash(#""$0" "$@" --output >(cat); status=$?; wait $!; exit $status"#, ["check", zone, "--format", "json"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(Self.isReport(Data(run.stdout.utf8)), "\(run.stdout)")
    }

    /// Standard output appended to a log: the report goes where the shell pointed the descriptor, after what
    /// the log already held, and the log file is neither replaced nor overwritten from its start.
    @Test func standardOutputAppendedToALogKeepsTheLog() throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let zone = try folder.write("out.test.zone", Self.zone)
        let log = try folder.write("ci.log", "earlier step\n")
        let inode = try #require(try FileManager.default.attributesOfItem(atPath: log)[.systemFileNumber] as? UInt64)
        let run = try Self.inBash(#"log=$1; shift; "$0" "$@" >> "$log""#,
                                  [log, "check", zone, "--format", "json", "--output", "/dev/stdout"])
        #expect(run.status == 1, "\(run.stderr)")
        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(text.hasPrefix("earlier step\n{"))
        #expect(Self.isReport(Data(text.dropFirst("earlier step\n".count).utf8)))
        #expect(try FileManager.default.attributesOfItem(atPath: log)[.systemFileNumber] as? UInt64 == inode)
    }

    /// A link to /dev/stdout on a pipe: the kernel follows it to the pipe, the link stays.
    @Test func aLinkToStandardOutputOnAPipeGetsTheReport() throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let zone = try folder.write("out.test.zone", Self.zone)
        let link = folder.url.appendingPathComponent("latest.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/stdout")
        let run = try Self.inBash(#""$0" "$@" | cat; exit "${PIPESTATUS[0]}""#, ["check", zone, "--format", "json", "--output", link])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(Self.isReport(Data(run.stdout.utf8)), "\(run.stdout)")
        #expect(Self.fileType(link) == S_IFLNK)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["latest.json", "out.test.zone"])
    }

    @Test func aFolderIsAClearError() throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let zone = try folder.write("out.test.zone", Self.zone)
        let run = try runBounded(["check", zone, "--format", "json", "--output", folder.path], seconds: 60)
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(folder.path): cannot write the file (it is a folder)"), "\(run.stderr)")
    }
}
