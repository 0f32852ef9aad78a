import Foundation
import Testing

/// `--new-since REV` on ordinary repositories: the tree at REV is read as the working tree is, and what
/// REV did not have (or had nothing to check in) has no old findings.
@Suite struct NewSinceTests {
    /// A zone that does not name its origin: only the inventory entry tells it.
    static let corpZone = """
        $TTL 300
        @   IN SOA ns1 hostmaster 1 7200 3600 1209600 300
        @   IN NS  ns1
        ns1 IN A   192.0.2.1
        old IN CNAME gone

        """

    func git(_ arguments: [String], in folder: URL) throws {
        let result = try runCommand(URL(fileURLWithPath: "/usr/bin/env"),
                                    ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"] + arguments, in: folder)
        #expect(result.status == 0, "git \(arguments): \(result.stderr)")
    }

    /// A git repository at a new temporary folder holding `files`, committed once on main.
    func repository(_ files: [String: String]) throws -> URL {
        let folder = TestPaths.temporaryFolder()
        for (path, text) in files { try write(text, to: path, in: folder) }
        try git(["init", "-q", "-b", "main"], in: folder)
        try git(["add", "."], in: folder)
        try git(["commit", "-q", "-m", "base"], in: folder)
        return folder
    }

    func write(_ text: String, to path: String, in folder: URL) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// The DNS names of the findings a JSON run reports.
    func names(_ result: CommandResult) throws -> [String] {
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
        let findings = try #require(report["findings"] as? [[String: Any]])
        return findings.compactMap { ($0["subject"] as? [String: Any])?["name"] as? String }
    }

    @Test func anInventoryZoneKeepsItsOriginAtTheRevision() throws {
        let config = "inventory:\n  zones:\n    - path: zones/corp\n      origin: corp.example.\n"
        let folder = try repository([".dnslint.yml": config, "zones/corp": Self.corpZone])
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("; a line that moves the rest\n" + Self.corpZone + "new IN CNAME nowhere\n", to: "zones/corp", in: folder)

        for arguments in [["check"], ["check", "zones/corp"]] {
            let result = try runCommand(TestPaths.binary, arguments + ["--new-since", "HEAD", "--format", "json"], in: folder)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(try names(result) == ["new.corp.example."], "\(arguments)")
        }
    }

    @Test func aFolderWithOnlyAReadmeAtTheRevisionHasNoOldFindings() throws {
        let folder = try repository(["dns/README.md": "# Zones go here\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("$ORIGIN example.com.\n" + Self.corpZone, to: "dns/example.com.zone", in: folder)
        let result = try runCommand(TestPaths.binary, ["check", "dns", "--new-since", "HEAD", "--format", "json"], in: folder)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(try names(result) == ["old.example.com."])
    }

    @Test func aFolderTheRevisionDidNotHaveHasNoOldFindings() throws {
        let folder = try repository(["README.md": "# Infra\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("$ORIGIN example.com.\n" + Self.corpZone, to: "zones/example.com.zone", in: folder)
        try write(".:53 {\n    forward . 8.8.8.8\n}\n", to: "dns/Corefile", in: folder)
        let result = try runCommand(TestPaths.binary, ["check", "zones", "dns/Corefile", "--new-since", "HEAD", "--format", "json"], in: folder)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(try names(result) == ["old.example.com."])
    }
}
