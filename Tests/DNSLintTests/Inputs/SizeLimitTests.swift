@testable import DNSLint
@testable import DNSLintInputs
import DNSLintModel
import Foundation
import Testing

/// `LintOptions.maxFileBytes` and `maxLineBytes`: going past them is a finding, never a crash or
/// unbounded memory.
@Suite struct SizeLimitTests {
    static func options(file: Int = LintOptions().maxFileBytes, line: Int = LintOptions().maxLineBytes) -> LintOptions {
        var options = LintOptions()
        options.maxFileBytes = file
        options.maxLineBytes = line
        return options
    }

    @Test func defaultsAreGenerous() {
        #expect(LintOptions().maxFileBytes == 256 << 20)
        #expect(LintOptions().maxLineBytes == 64 << 10)
    }

    @Test func aFileOverTheLimitIsNotRead() throws {
        let zone = zoneText(origin: "big.example.", "www IN A 192.0.2.2\n")
        let folder = try folderWith(["big.example.zone": zone, "Corefile": ".:53 {\n    whoami\n}\n" + String(repeating: "#\n", count: 100)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let size = zone.utf8.count
        let path = folder.path + "/big.example.zone"
        let limited = Self.options(file: size - 1)
        #expect(try lintFindings([path], limited) == [
            ReportedFinding(rule: "DNS0005", path: path, line: 1,
                            message: "\(path) was not checked: it is \(size) bytes, more than the limit of \(size - 1) bytes for one input file."),
        ])
        #expect(try lintFindings([path], Self.options(file: size)).isEmpty)
        // Found in a folder: reported because the names say they are inputs.
        #expect(try lintFindings([folder.path], Self.options(file: 100)).map(\.rule) == ["DNS0005", "DNS0005"])
    }

    @Test func anIncludedFileOverTheLimitIsReportedAtTheInclude() throws {
        let hosts = String(repeating: "h IN A 192.0.2.9\n", count: 20)
        let folder = try folderWith(["inc.example.zone": zoneText(origin: "inc.example.", "$INCLUDE hosts.inc\n"), "hosts.inc": hosts])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path + "/inc.example.zone"
        #expect(try lintFindings([path], Self.options(file: 300)) == [
            ReportedFinding(rule: "DNS0005", path: path, line: 6,
                            message: "$INCLUDE hosts.inc was not read: it is \(hosts.utf8.count) bytes, more than the limit of 300 bytes for one input file"),
        ])
    }

    @Test func aZoneLineOverTheLimitDropsItsRecordOnly() throws {
        let long = "txt IN TXT \"" + String(repeating: "a", count: 100) + "\""
        let body = "a IN A 192.0.2.2\n\(long)\nb IN A 192.0.2.3\nb IN A 192.0.2.3\n"
        let folder = try folderWith(["long.example.zone": zoneText(origin: "long.example.", body)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path + "/long.example.zone"
        #expect(try lintFindings([path], Self.options(line: 64)) == [
            ReportedFinding(rule: "DNS0001", path: path, line: 7,
                            message: "line 7 is longer than 64 bytes, the limit for one line; the record there was not read"),
            // The records after it are read: the repeat on line 9 is found.
            ReportedFinding(rule: "DNS1015", path: path, line: 9,
                            message: "The A record of b.long.example. at this line repeats an earlier one with the same data.", relatedLines: [8]),
        ])
        #expect(try lintFindings([path], Self.options(line: 200)).map(\.rule) == ["DNS1015"])
    }

    @Test func anUnclosedParenthesisStopsAtTheRecordLimit() throws {
        // 16 x 64 bytes: the record opened on line 6 is dropped once it passes 1,024 bytes, even without a long line.
        let body = "open IN TXT ( \"start\"\n" + String(repeating: "\"more text in the record\"\n", count: 60)
        let folder = try folderWith(["paren.example.zone": zoneText(origin: "paren.example.", body)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path + "/paren.example.zone"
        #expect(try lintFindings([path], Self.options(line: 64)) == [
            ReportedFinding(rule: "DNS0001", path: path, line: 6,
                            message: "the record starting at line 6 runs for more than 1024 bytes (is a parenthesis or quote left open?); it was not read"),
        ])
    }

    /// A line far longer than the reader's 4 MiB block: skipped across blocks, and the lines after it still count.
    @Test func aLineLongerThanAReadBlockIsSkippedAcrossBlocks() throws {
        let huge = "junk IN TXT \"" + String(repeating: "x", count: 9 << 20) + "\""
        let body = "a IN A 192.0.2.2\n\(huge)\nb IN A 192.0.2.3\nb IN A 192.0.2.3\n"
        let folder = try folderWith(["huge.example.zone": zoneText(origin: "huge.example.", body)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path + "/huge.example.zone"
        #expect(try lintFindings([path]) == [
            ReportedFinding(rule: "DNS0001", path: path, line: 7,
                            message: "line 7 is longer than 65536 bytes, the limit for one line; the record there was not read"),
            ReportedFinding(rule: "DNS1015", path: path, line: 9,
                            message: "The A record of b.huge.example. at this line repeats an earlier one with the same data.", relatedLines: [8]),
        ])
    }

    @Test func corefileAndResolvConfLinesOverTheLimitAreSyntaxFindings() throws {
        let longComment = "# " + String(repeating: "c", count: 100)
        let folder = try folderWith([
            "Corefile": ".:53 {\n\(longComment)\n    whoami\n}\n",
            "resolv.conf": "nameserver 192.0.2.53\nsearch \(String(repeating: "d", count: 100)).example\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let limited = Self.options(line: 64)
        #expect(try lintFindings([folder.path + "/Corefile"], limited) == [
            ReportedFinding(rule: "DNS0002", path: folder.path + "/Corefile", line: 2,
                            message: "line 2 is 102 bytes long, more than the limit of 64 bytes for one line; it was not read"),
        ])
        #expect(try lintFindings([folder.path + "/resolv.conf"], limited).filter { $0.rule == "DNS0003" } == [
            ReportedFinding(rule: "DNS0003", path: folder.path + "/resolv.conf", line: 2,
                            message: "Line 2 is 115 bytes long, more than the limit of 64 bytes for one line; it was not read."),
        ])
    }
}

/// A zone with thousands of bad lines lists the first 1,000 problems and counts the rest, so a file of
/// garbage cannot fill memory with one finding per line.
@Suite struct ProblemCapTests {
    @Test func aZoneListsItsFirstThousandProblemsAndCountsTheRest() throws {
        var body = ""
        for index in 0..<3000 { body += "ok\(index) IN A 192.0.2.1\n" }
        for index in 0..<1500 { body += "bad\(index) IN A 192.0.2.999\n" }
        let folder = try folderWith(["many.example.zone": zoneText(origin: "many.example.", body)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path + "/many.example.zone"
        let findings = try lintFindings([path], rules: [])
        #expect(findings.count == 1001)
        #expect(findings.filter { $0.message.hasPrefix("Record \"bad") }.count == 1000)
        #expect(findings.first == ReportedFinding(rule: "DNS0001", path: path, line: 1,
                                                  message: "500 more problems in this zone and its includes are not listed; dnslint lists the first 1000"))
    }

    @Test func strayParenthesesInOneRecordAreNotOneProblemEach() throws {
        let body = "x IN A 192.0.2.1 " + String(repeating: ")", count: 50_000) + "\n"
        let folder = try folderWith(["paren.example.zone": zoneText(origin: "paren.example.", body)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path + "/paren.example.zone"
        let findings = try lintFindings([path], rules: [])
        // Four are kept per record (and reported once, being the same finding); the other 49,996 are counted.
        #expect(findings.map(\.message) == [
            "49996 more problems in this zone and its includes are not listed; dnslint lists the first 1000",
            "a closing parenthesis has no opening one",
        ])
    }
}
