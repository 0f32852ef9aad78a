@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintReporting
import Foundation

/// A scratch project folder: files written by path, optionally a repository root (`.git`), removed by `remove()`.
struct ScratchProject {
    let root: URL

    init(repository: Bool = true, files: [String: String] = [:]) throws {
        root = TestPaths.temporaryFolder().resolvingSymlinksInPath()
        if repository { try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true) }
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// Runs the built `dnslint` in `folder` (relative to the project root).
    func dnslint(_ arguments: [String], in folder: String = ".") throws -> CommandResult {
        let directory = root.appendingPathComponent(folder)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try runCommand(TestPaths.binary, arguments, in: directory)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// The findings of a JSON report as (path, line, code), and the codes alone.
struct ReportFindings {
    var entries: [(path: String, line: Int, code: String, subject: String?, severity: String)]

    init(json: String) throws {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let findings = object?["findings"] as? [[String: Any]] ?? []
        entries = findings.map { finding in
            let location = finding["location"] as? [String: Any]
            let subject = (finding["subject"] as? [String: Any])?["name"] as? String
            return (location?["path"] as? String ?? "-", location?["line"] as? Int ?? 0, finding["rule"] as? String ?? "", subject,
                    finding["severity"] as? String ?? "")
        }
    }

    var codes: [String] { entries.map(\.code).sorted() }
}

/// Zone and input texts the configuration and suppression tests share.
enum ConfigSamples {
    /// Two A records of one RRset with different TTLs: DNS1008 at line 6.
    static let zone = """
        $ORIGIN example.com.
        @   3600 IN SOA ns1 hostmaster 1 7200 3600 1209600 300
        @   3600 IN NS  ns1
        ns1 3600 IN A   192.0.2.1
        www 300  IN A   192.0.2.10
        www 600  IN A   192.0.2.11

        """

    /// A zone that names no origin (no $ORIGIN, relative SOA owner, a file name that is no domain).
    static let originless = """
        @   3600 IN SOA ns1 hostmaster 1 7200 3600 1209600 300
        @   3600 IN NS  ns1
        ns1 3600 IN A   192.0.2.1
        www 300  IN A   192.0.2.10
        www 600  IN A   192.0.2.11

        """

    /// ndots:3 with a search list: DNS3001 at line 3; musl ignores single-request-reopen (DNS3003).
    static let resolvConf = """
        nameserver 192.0.2.53
        search a.example b.example
        options ndots:3 single-request-reopen

        """
}
