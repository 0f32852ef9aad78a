@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting
import Foundation
import Testing

/// The zone reader end to end: `$INCLUDE` chains and limits, the origin, records across read blocks.
@Suite struct ZoneReaderTests {
    @Test func includedFindingsCarryTheIncludeChain() throws {
        let folder = TestPaths.fixtures("zones")
        let findings = try Linter.run(paths: [folder.appendingPathComponent("include.example.zone").path], options: LintOptions()).findings
        let dangling = try #require(findings.first { $0.ruleCode == "DNS1003" })
        #expect(dangling.location?.path.hasSuffix("include-hosts.inc") == true)
        #expect(dangling.location?.includedFrom.first?.line == 6)
    }

    @Test func includesOutsideTheFolderAreReadWhenAllowed() throws {
        let root = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let zones = root.appendingPathComponent("zones")
        try FileManager.default.createDirectory(at: zones, withIntermediateDirectories: true)
        try Data("$ORIGIN a.example.\n@ 300 IN SOA ns hm 1 2 3 4 5\n@ 300 IN NS ns\nns 300 IN A 192.0.2.1\n$INCLUDE ../shared.inc\n".utf8)
            .write(to: zones.appendingPathComponent("a.example.zone"))
        try Data("x 300 IN CNAME nowhere\n".utf8).write(to: root.appendingPathComponent("shared.inc"))
        var options = LintOptions()
        let refused = try Linter.run(paths: [zones.path], options: options).findings.map(\.ruleCode)
        #expect(refused.contains("DNS0005") && !refused.contains("DNS1003"))
        options.allowIncludeOutside = true
        let allowed = try Linter.run(paths: [zones.path], options: options).findings.map(\.ruleCode)
        #expect(allowed.contains("DNS1003") && !allowed.contains("DNS0005"))
    }

    @Test func zoneWithoutOriginIsAUsageErrorNamingTheFile() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("records.txt")
        try Data("www 300 IN A 192.0.2.1\n".utf8).write(to: file)
        #expect {
            _ = try Linter.run(paths: [file.path], options: LintOptions())
        } throws: { error in
            (error as? InputError)?.message.contains("records.txt") == true
        }
        var options = LintOptions()
        options.origin = "example.com"
        #expect(try Linter.run(paths: [file.path], options: options).findings.contains { $0.ruleCode == "DNS1016" })
    }

    @Test func recordsSplitAcrossReadBlocksKeepTheirLines() throws {
        // Bigger than one 4 MiB read block, with a multi-line record straddling blocks somewhere.
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = "$ORIGIN big.example.\n$TTL 300\n@ IN SOA ns1 hostmaster ( 1\n 7200 3600 1209600 300 )\n@ IN NS ns1\nns1 IN A 192.0.2.1\n"
        let filler = String(repeating: "x", count: 200)
        for index in 0..<30_000 { text += "t\(index) IN TXT ( \"\(filler)\"\n  \"\(index)\" )\n" }
        text += "last IN A 192.0.2.256\n"
        let file = folder.appendingPathComponent("big.example.zone")
        try Data(text.utf8).write(to: file)
        let findings = try Linter.run(paths: [file.path], options: LintOptions()).findings
        #expect(findings.map(\.ruleCode) == ["DNS0001"])
        #expect(findings.first?.location?.line == 6 + 30_000 * 2 + 1)
    }
}
