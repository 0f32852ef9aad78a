@testable import DNSLintReporting
import Foundation
import Testing

/// Files that are not zones, and files `$INCLUDE` reaches outside the zone's folder (--allow-include-outside),
/// are never quoted beyond the first bytes of a file that is no zone at all: not in messages, not as the text
/// format's source line, in no format. (A 7-line .env was once listed line by line in every format, and the
/// text format printed the first line of an included /etc/passwd under its finding.)
@Suite struct UnquotedFilesTests {
    static let secrets = ["hunter2secret", "SECRETPASS", "TOKEN_123", "inside_secret"]

    /// z/ex.test.zone includes: ../secret.env (7 lines, no record), ../passwd (30 lines), ../common.inc (a zone
    /// fragment with one bad record and a dangling alias) and settings.env (a 3-line non-zone inside the folder).
    static func project() throws -> ScratchProject {
        let passwd = ["root:x:0:0:root:/root:/bin/bash"] + (1..<30).map { "svc\($0):SECRETPASS\($0):\($0):\($0)::/home:/bin/sh" }
        return try ScratchProject(files: [
            "secret.env": "DB_HOST=db.internal\nDB_USER=app\nDB_PASSWORD=hunter2secret\nAPI_KEY=abcdef\nX=1\nY=2\nZ=3\n",
            "passwd": passwd.joined(separator: "\n") + "\n",
            "common.inc": "good IN A 192.0.2.5\nbad IN A TOKEN_123\nalias IN CNAME nowhere.ex.test.\n",
            "z/settings.env": "MODE=prod\nPASSWORD=inside_secret\nDEBUG=0\n",
            "z/ex.test.zone": zoneText(origin: "ex.test.", "$INCLUDE ../secret.env\n$INCLUDE ../passwd\n$INCLUDE ../common.inc\n$INCLUDE settings.env\n"),
        ])
    }

    static func run(_ project: ScratchProject, _ format: String) throws -> CommandResult {
        try project.dnslint(["check", "z/ex.test.zone", "--allow-include-outside", "--format", format])
    }

    @Test func findingsSummariseWithoutQuoting() throws {
        let project = try Self.project()
        defer { project.remove() }
        let result = try Self.run(project, "json")
        #expect(result.status == 1, "\(result.stderr)")
        let findings = try ReportFindings(json: result.stdout)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let messages = (report["findings"] as? [[String: Any]] ?? []).map { finding -> String in
            let location = finding["location"] as? [String: Any]
            return "\(finding["rule"] ?? "") \(location?["path"] ?? ""):\(location?["line"] ?? 0) \(finding["message"] ?? "")"
        }
        #expect(messages.filter { $0.hasPrefix("DNS0001") }.sorted() == [
            "DNS0001 z/../common.inc:2 1 line of z/../common.inc does not parse (line 2); it is outside the zone's folder, so its lines are not quoted",
            "DNS0001 z/../passwd:1 z/../passwd does not look like a zone file, which starts \"root:x:0:0:root:/root...\": most of its lines do not parse (30 lines with problems), so they are not listed one by one",
            "DNS0001 z/../secret.env:1 z/../secret.env does not look like a zone file, which starts \"DB_HOST=db.internal\": no line of it parses as a record (7 lines with problems), so they are not listed one by one",
            "DNS0001 z/settings.env:1 z/settings.env does not look like a zone file, which starts \"MODE=prod\": no line of it parses as a record (3 lines with problems), so they are not listed one by one",
        ])
        // The zone fragment's records still count: its dangling alias is found, at its line.
        #expect(findings.entries.contains { $0.code == "DNS1003" && $0.path == "z/../common.inc" && $0.line == 3 })
    }

    /// Compared without regard to case: junit names a case by its line folded to lower case.
    @Test(arguments: OutputFormat.allCases.map(\.rawValue))
    func noFormatQuotesTheirLines(_ format: String) throws {
        let project = try Self.project()
        defer { project.remove() }
        let result = try Self.run(project, format)
        #expect(result.status == 1, "\(result.stderr)")
        let report = result.stdout.lowercased()
        for secret in Self.secrets {
            #expect(!report.contains(secret.lowercased()), "\(format) quotes \(secret):\n\(result.stdout)")
        }
        // Nor the lines that do parse: a file outside the zone's folder is not shown, only named.
        for line in ["DB_HOST=db.internal\n", "root:x:0:0:root:/root:/bin/bash", "alias IN CNAME", "good IN A", "MODE=prod\n"] {
            #expect(!report.contains(line.lowercased()), "\(format) shows \(line)")
        }
    }

    /// The text format still shows the lines of the zone itself.
    @Test func theZonesOwnLinesAreStillShown() throws {
        let project = try ScratchProject(files: ["z/ex.test.zone": zoneText(origin: "ex.test.", "alias IN CNAME nowhere.ex.test.\n")])
        defer { project.remove() }
        let result = try Self.run(project, "text")
        #expect(result.stdout.contains("\n  alias IN CNAME nowhere.ex.test.\n  ^\n"), "\(result.stdout)")
    }
}
