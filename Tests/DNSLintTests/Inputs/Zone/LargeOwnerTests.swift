@testable import DNSLint
@testable import DNSLintInputs
import DNSLintModel
@testable import DNSLintRules
import Foundation
import Testing

/// One owner name with very many records: the run must finish (ldns' 16-bit section loop once spun forever
/// at 65,536 records) and DNS1015 must stay linear in the owner's size.
@Suite struct LargeOwnerTests {
    /// `count` distinct A records at `x`, then the records of `extra`; records start on line 6.
    static func zone(records count: Int, extra: [String]) -> String {
        var body = ""
        body.reserveCapacity(count * 24)
        for index in 0..<count {
            body += "x IN A 10.\((index >> 16) & 255).\((index >> 8) & 255).\(index & 255)\n"
        }
        return zoneText(origin: "big.test.", body + extra.map { $0 + "\n" }.joined())
    }

    func write(_ text: String, as name: String) throws -> (folder: URL, path: String) {
        let folder = TestPaths.temporaryFolder()
        let file = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return (folder, file.path)
    }

    @Test func anOwnerWithMoreThan65535RecordsIsCheckedToTheEnd() throws {
        // 65,540 distinct records on lines 6...65545, then repeats of line 13 (10.0.0.7) and line 65542 (10.1.0.0).
        let text = Self.zone(records: 65_540, extra: ["x IN A 10.0.0.7", "x IN A 10.1.0.0"])
        let (folder, path) = try write(text, as: "big.test.zone")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runBounded(["check", path, "--format", "json"], seconds: 120)
        #expect(!run.timedOut, "dnslint did not finish within 120 s")
        #expect(run.status == 0, "\(run.stderr)")
        let message = "The A record of x.big.test. at this line repeats an earlier one with the same data."
        #expect(try run.findings() == [
            ReportedFinding(rule: "DNS1015", path: path, line: 65_546, message: message, relatedLines: [13]),
            ReportedFinding(rule: "DNS1015", path: path, line: 65_547, message: message, relatedLines: [65_542]),
        ])
    }

    @Test func duplicateRecordStaysLinearForOneHugeOwner() throws {
        // Pairwise comparison would take 2 * 10^10 steps here; hashing takes a moment.
        let text = Self.zone(records: 200_000, extra: ["x IN A 10.0.0.0", "x IN A 10.3.13.63", "x IN A 10.0.0.0"])
        let (folder, path) = try write(text, as: "big.test.zone")
        defer { try? FileManager.default.removeItem(at: folder) }
        let others = RuleRegistry.all.map(\.metadata.code).filter { $0 != "DNS1015" }
        let run = try runBounded(["check", path, "--format", "json"] + others.flatMap { ["--disable", $0] }, seconds: 90)
        #expect(!run.timedOut, "DNS1015 did not finish within 90 s")
        let message = "The A record of x.big.test. at this line repeats an earlier one with the same data."
        // 10.3.13.63 is record 199_999 (3 << 16 | 13 << 8 | 63), on line 200_005.
        #expect(try run.findings() == [
            ReportedFinding(rule: "DNS1015", path: path, line: 200_006, message: message, relatedLines: [6]),
            ReportedFinding(rule: "DNS1015", path: path, line: 200_007, message: message, relatedLines: [200_005]),
            ReportedFinding(rule: "DNS1015", path: path, line: 200_008, message: message, relatedLines: [6]),
        ])
    }

    /// The hashed path (owners over 16 records) finds exactly what comparing every pair finds.
    @Test func hashedDuplicateSearchMatchesPairwiseComparison() throws {
        var lines: [String] = []
        var state: UInt64 = 7
        for _ in 0..<300 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let pick = Int(state >> 33)
            switch pick % 4 {
            case 0: lines.append("m IN A 192.0.2.\(pick % 7)")
            case 1: lines.append("m IN AAAA 2001:db8::\(pick % 5)")
            case 2: lines.append("m IN TXT \"v\(pick % 6)\"")
            default: lines.append("m IN MX \(pick % 3) mail\(pick % 2)")
            }
        }
        let (folder, path) = try write(zoneText(origin: "dup.test.", lines.joined(separator: "\n") + "\n"), as: "dup.test.zone")
        defer { try? FileManager.default.removeItem(at: folder) }
        let read = try InputReader.read(paths: [path], options: LintOptions())
        let zone = try #require(read.inputs.first as? ZoneIndex)
        let owner = try #require(zone.names.find(DNSName("m.dup.test.").wire!))
        let records = zone.records(of: owner)
        #expect(records.count == 300)
        var pairwise: [(Int, Int)] = []
        for (position, record) in records.enumerated() {
            if let first = records.prefix(position).first(where: { zone.sameData($0, record) }) {
                pairwise.append((Int(record.line), Int(first.line)))
            }
        }
        let hashed = zone.repeats(in: records).map { (Int($0.record.line), Int($0.first.line)) }
        #expect(pairwise.count > 250)
        #expect(hashed.elementsEqual(pairwise, by: ==))
        // And the same text decides: a record repeats exactly when its line's text appeared before.
        var seen: [String: Int] = [:]
        var byText: [(Int, Int)] = []
        for (index, line) in lines.enumerated() {
            if let first = seen[line] { byText.append((index + 6, first)) } else { seen[line] = index + 6 }
        }
        #expect(hashed.elementsEqual(byText, by: ==))
    }
}
