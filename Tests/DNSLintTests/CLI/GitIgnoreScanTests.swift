import Foundation
import Testing

/// A folder scan passes over what git ignores (as ruff does): generated zones and vendored trees are not the
/// team's DNS configuration. Tracked files, folders named on the command line and folders outside git are read.
@Suite struct GitIgnoreScanTests {
    static let dangling = "$ORIGIN example.com.\n$TTL 300\n@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ IN NS ns1\nns1 IN A 192.0.2.1\nold IN CNAME gone\n"

    static let files: [String: String] = [
        ".gitignore": "generated/\n*.gen.zone\n",
        "zones/example.com.zone": dangling,
        "zones/build.gen.zone": dangling,
        "generated/big.zone": dangling,
        "zones/kept.gen.zone": dangling,
    ]

    func git(_ arguments: [String], in folder: URL) throws {
        let result = try runCommand(URL(fileURLWithPath: "/usr/bin/env"),
                                    ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"] + arguments, in: folder)
        #expect(result.status == 0, "git \(arguments): \(result.stderr)")
    }

    /// The project as a git repository in which kept.gen.zone was added on purpose (`git add -f`).
    func project(repository: Bool = true) throws -> URL {
        let folder = TestPaths.temporaryFolder()
        for (path, text) in Self.files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        if repository {
            try git(["init", "-q", "-b", "main"], in: folder)
            try git(["add", "-f", "zones/kept.gen.zone"], in: folder)
        }
        return folder
    }

    func checkedPaths(_ arguments: [String], in folder: URL) throws -> (paths: Set<String>, stderr: String) {
        let result = try runCommand(TestPaths.binary, ["check"] + arguments + ["--format", "json"], in: folder)
        #expect(result.status == 1, "\(result.stderr)")
        let findings = try ReportFindings(json: result.stdout)
        return (Set(findings.entries.map(\.path)), result.stderr)
    }

    @Test func ignoredFilesAndFoldersAreSkipped() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (paths, stderr) = try checkedPaths([".", "--verbose"], in: folder)
        #expect(paths == ["./zones/example.com.zone", "./zones/kept.gen.zone"])
        #expect(stderr.contains("skipped ./generated: ignored by git (.gitignore)"), "\(stderr)")
        #expect(stderr.contains("skipped ./zones/build.gen.zone: ignored by git (.gitignore)"), "\(stderr)")
    }

    @Test func anIgnoredFolderOrFileNamedOnTheCommandLineIsRead() throws {
        let folder = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try checkedPaths(["generated"], in: folder).paths == ["generated/big.zone"])
        #expect(try checkedPaths(["zones/build.gen.zone"], in: folder).paths == ["zones/build.gen.zone"])
    }

    @Test func outsideGitNothingIsIgnored() throws {
        let folder = try project(repository: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try checkedPaths(["."], in: folder).paths.count == 4)
    }
}
