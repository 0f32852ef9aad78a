@testable import DNSLint
@testable import DNSLintInputs
import DNSLintModel
import Foundation
import Testing

/// Findings quote at most a bounded, marked excerpt of a line that failed to parse, and a file that is
/// no zone at all (an `$INCLUDE ../../etc/passwd`) gets one finding that quotes only its first bytes.
@Suite struct QuotedInputTests {
    static let passwd = (0..<20).map { "user\($0):x:\(1000 + $0):\(1000 + $0):Secret Name \($0),,,:/home/user\($0):/bin/bash" }
        .joined(separator: "\n") + "\n"

    @Test func anIncludedNonZoneFileIsOneFindingWithoutItsLines() throws {
        let folder = try folderWith([
            "zones/inc.example.zone": zoneText(origin: "inc.example.", "$INCLUDE ../etc/passwd\nwww IN A 192.0.2.2\n"),
            "etc/passwd": Self.passwd,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = LintOptions()
        options.allowIncludeOutside = true
        let path = folder.path + "/zones/inc.example.zone"
        let findings = try lintFindings([path], options)
        #expect(findings == [
            ReportedFinding(rule: "DNS0001", path: folder.path + "/zones/../etc/passwd", line: 1,
                            message: "\(folder.path)/zones/../etc/passwd does not look like a zone file, which starts \"user0:x:1000:1000:Sec...\": most of its lines do not parse (20 lines with problems), so they are not listed one by one"),
        ])
        for finding in findings {
            #expect(!finding.message.contains("/bin/bash") && !finding.message.contains("Secret Name 1"))
        }
    }

    @Test func anImportedNonCorefileIsOneFindingWithoutItsLines() throws {
        let folder = try folderWith([
            "conf/Corefile": ".:53 {\n    import ../etc/passwd\n    import snippet.conf\n    forward . 192.0.2.1 {\n        force_tcp\n    }\n}\n",
            "conf/snippet.conf": "errors\ncache 30\n",
            "etc/passwd": Self.passwd,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = LintOptions()
        options.allowIncludeOutside = true
        let path = folder.path + "/conf/Corefile"
        let findings = try lintFindings([path], options)
        #expect(findings == [
            ReportedFinding(rule: "DNS0002", path: path, line: 2,
                            message: "import '../etc/passwd' matches \(folder.path)/conf/../etc/passwd, which does not look like a Corefile (it starts \"user0:x:1000:1000:Sec...\"): none of its lines names a CoreDNS plugin or opens a block, so it was not read and its lines are not quoted here"),
        ])
    }

    @Test func aZoneWithAFewBadRecordsStillListsEachOne() throws {
        let body = "a IN A 192.0.2.1\nb IN A 192.0.2.999\nc IN A 192.0.2.3\nd IN MX mail\n"
        let folder = try folderWith(["few.example.zone": zoneText(origin: "few.example.", body)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path + "/few.example.zone"
        #expect(try lintFindings([path]).map(\.line) == [7, 9])
    }

    @Test func aFailedRecordIsQuotedAsABoundedMarkedExcerpt() throws {
        // One grapheme of 5,000 scalars, and a 10,000-byte token: neither reaches the message whole.
        let grapheme = "e" + String(repeating: "\u{301}", count: 5000)
        let body = "bad IN A \(grapheme)\nlong IN A \(String(repeating: "9", count: 10_000))\n"
        let folder = try folderWith(["q.example.zone": zoneText(origin: "q.example.", body)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path + "/q.example.zone"
        let findings = try lintFindings([path])
        #expect(findings.map(\.rule) == ["DNS0001", "DNS0001"])
        for finding in findings {
            #expect(finding.message.unicodeScalars.count < 200, "\(finding.message.unicodeScalars.count) scalars")
            #expect(finding.message.contains("...\" does not parse"))
        }
        #expect(findings[1].message == "Record \"long IN A \(String(repeating: "9", count: 59))...\" does not parse: syntax error, could not parse the RR's rdata.")
    }

    @Test func directiveArgumentsAreQuotedBounded() throws {
        let word = String(repeating: "w", count: 5000)
        let body = "$\(word)\n$TTL \(word)\n$ORIGIN \(word)\n"
        let folder = try folderWith(["d.example.zone": zoneText(origin: "d.example.", body)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let findings = try lintFindings([folder.path + "/d.example.zone"])
        #expect(findings.map(\.rule) == ["DNS0001", "DNS0001", "DNS0001"])
        for finding in findings { #expect(finding.message.count < 200, "\(finding.message)") }
    }

    @Test func theTextReportShowsOnlyTheStartOfAHugeLine() throws {
        let body = "junk IN TXT \"" + String(repeating: "x", count: 200_000) + "\"\n"
        let folder = try folderWith(["t.example.zone": zoneText(origin: "t.example.", body)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runBounded(["check", folder.path + "/t.example.zone", "--color", "never"], seconds: 60)
        #expect(!run.timedOut)
        #expect(run.stdout.contains("line 6 is longer than 65536 bytes"))
        #expect(run.stdout.utf8.count < 8192, "\(run.stdout.utf8.count) bytes of text output")
    }
}
