@testable import DNSLint
@testable import DNSLintInputs
import DNSLintModel
@testable import DNSLintRules
import Foundation
import Testing

/// The zone reader's fixed-width fields: record data over 65,535 bytes, more than 65,535 origin/TTL
/// contexts, more files than a 16-bit id names, more data than 32-bit offsets address. Each is a finding
/// or simply works, never a trap.
@Suite struct ZoneLimitsTests {
    @Test func recordDataOver65535BytesIsASyntaxFindingNotATrap() throws {
        // 300 strings of 255 bytes in parentheses: no line is long, but the TXT data is 76,800 bytes.
        let strings = String(repeating: "  \"" + String(repeating: "a", count: 255) + "\"\n", count: 300)
        let body = "x IN TXT (\n\(strings))\nok IN TXT \"fine\"\n"
        let folder = try folderWith(["txt.example.zone": zoneText(origin: "txt.example.", body)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runBounded(["check", folder.path + "/txt.example.zone", "--format", "json"], seconds: 60)
        #expect(run.status == 1, "exit \(run.status): \(run.stderr.suffix(300))")
        let excerpt = "x IN TXT \"" + String(repeating: "a", count: 59) + "..."
        #expect(try run.findings() == [
            ReportedFinding(rule: "DNS0001", path: folder.path + "/txt.example.zone", line: 6,
                            message: "Record \"\(excerpt)\" does not parse: its data is 76800 bytes, more than the 65535 a record can hold."),
        ])
    }

    @Test func moreThan65535OriginsKeepEachRecordsOrigin() throws {
        // Each $ORIGIN is a new (origin, TTL) context; the 65,536th and later ones used to be dropped
        // silently, so the records under them took the previous origin.
        var body = ""
        for index in 0..<70_000 { body += "$ORIGIN n\(index).big.test.\nhost IN A 192.0.2.1\n" }
        body += "dup IN A 192.0.2.7\ndup IN A 192.0.2.7\n"
        let folder = try folderWith(["big.test.zone": zoneText(origin: "big.test.", body)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path + "/big.test.zone"
        let line = 6 + 140_000
        #expect(try lintFindings([path], rules: [DuplicateRecord()]) == [
            ReportedFinding(rule: "DNS1015", path: path, line: line + 1,
                            message: "The A record of dup.n69999.big.test. at this line repeats an earlier one with the same data.",
                            relatedLines: [line]),
        ])
    }

    @Test func includesPastTheFileLimitAreReportedNotMislabelled() throws {
        let body = (0..<5).map { _ in "$INCLUDE hosts.inc" }.joined(separator: "\n") + "\n"
        let folder = try folderWith(["inc.example.zone": zoneText(origin: "inc.example.", body), "hosts.inc": "h IN A 192.0.2.9\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("inc.example.zone")
        var reader = ZoneReader(rootURL: url, options: LintOptions())
        reader.maxFiles = 3
        reader.read(path: url.path, url: url, origin: "inc.example.")
        #expect(reader.issues.map(\.location.line) == [8, 9, 10], "the zone and two includes make three files")
        #expect(reader.issues.map(\.message) == Array(repeating: "$INCLUDE hosts.inc was not read: the zone already reads 3 files, the most one zone may read", count: 3))
        #expect(reader.builder.files.count == 3)
    }

    /// A chain of includes 16 files deep is a depth limit, said as one; only a file that comes back is a loop.
    @Test func aDeepIncludeChainIsNotALoop() throws {
        var files = ["deep.example.zone": zoneText(origin: "deep.example.", "$INCLUDE f1.inc\n")]
        for index in 1...20 { files["f\(index).inc"] = "h\(index) IN A 192.0.2.\(index)\n$INCLUDE f\(index + 1).inc\n" }
        files["f21.inc"] = "last IN A 192.0.2.99\n"
        let folder = try folderWith(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path + "/deep.example.zone"
        // The zone and f1...f15 make 16 files: the include in f15 is the first not followed.
        #expect(try lintFindings([path]) == [
            ReportedFinding(rule: "DNS0005", path: folder.path + "/f15.inc", line: 2,
                            message: "$INCLUDE f16.inc was not read: the includes nest more than 16 files deep here, the most dnslint follows"),
        ])
    }

    @Test func anIncludeLoopIsALoop() throws {
        let folder = try folderWith([
            "loop.example.zone": zoneText(origin: "loop.example.", "$INCLUDE a.inc\n"),
            "a.inc": "a IN A 192.0.2.1\n$INCLUDE b.inc\n",
            "b.inc": "b IN A 192.0.2.2\n$INCLUDE a.inc\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path + "/loop.example.zone"
        #expect(try lintFindings([path]) == [
            ReportedFinding(rule: "DNS0001", path: folder.path + "/b.inc", line: 2,
                            message: "$INCLUDE a.inc includes itself (an include loop); it was read once"),
        ])
    }

    @Test func recordDataPastTheArenaLimitStopsWithOneFinding() throws {
        let body = (0..<10).map { "h\($0) IN A 192.0.2.\($0)" }.joined(separator: "\n") + "\n"
        let folder = try folderWith(["arena.example.zone": zoneText(origin: "arena.example.", body)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("arena.example.zone")
        var reader = ZoneReader(rootURL: url, options: LintOptions())
        reader.builder.maxRdataBytes = 8
        reader.read(path: url.path, url: url, origin: "arena.example.")
        #expect(reader.issues.map(\.message) == [
            "the zone's records hold more than 8 bytes of data, the most dnslint keeps; the records from here on were not read",
        ])
        #expect(reader.builder.records.isEmpty, "the one batch of this small file was refused as a whole")
    }
}
