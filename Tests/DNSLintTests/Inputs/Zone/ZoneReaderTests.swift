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
        let findings = try Lint.paths([TestPaths.fixtures("zones").appendingPathComponent("include.example.zone").path])
        let dangling = try #require(findings.first { $0.ruleCode == "DNS1003" })
        #expect(dangling.location?.path.hasSuffix("include-hosts.inc") == true)
        #expect(dangling.location?.includedFrom.first?.line == 6)
    }

    @Test func includesOutsideTheFolderAreReadWhenAllowed() throws {
        let root = ScratchFolder()
        defer { root.remove() }
        try root.write("zones/a.example.zone", "$ORIGIN a.example.\n@ 300 IN SOA ns hm 1 2 3 4 5\n@ 300 IN NS ns\nns 300 IN A 192.0.2.1\n$INCLUDE ../shared.inc\n")
        try root.write("shared.inc", "x 300 IN CNAME nowhere\n")
        let zones = root.url.appendingPathComponent("zones").path
        let refused = try Lint.paths([zones]).map(\.ruleCode)
        #expect(refused.contains("DNS0005") && !refused.contains("DNS1003"))
        let allowed = try Lint.paths([zones], ["--allow-include-outside"]).map(\.ruleCode)
        #expect(allowed.contains("DNS1003") && !allowed.contains("DNS0005"))
    }

    @Test func zoneWithoutOriginIsAUsageErrorNamingTheFile() throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let file = try folder.write("records.txt", "www 300 IN A 192.0.2.1\n")
        #expect {
            _ = try Lint.paths([file])
        } throws: { error in
            (error as? InputError)?.message.contains("records.txt") == true
        }
        #expect(try Lint.paths([file], ["--origin", "example.com"]).contains { $0.ruleCode == "DNS1016" })
    }

    @Test func recordsSplitAcrossReadBlocksKeepTheirLines() async throws {
        // Many 1 MiB read blocks, with multi-line records straddling blocks.
        let folder = ScratchFolder()
        defer { folder.remove() }
        let findings = try await offThePool {
            var text = "$ORIGIN big.example.\n$TTL 300\n@ IN SOA ns1 hostmaster ( 1\n 7200 3600 1209600 300 )\n@ IN NS ns1\nns1 IN A 192.0.2.1\n"
            let filler = String(repeating: "x", count: 200)
            for index in 0..<30_000 { text += "t\(index) IN TXT ( \"\(filler)\"\n  \"\(index)\" )\n" }
            text += "last IN A 192.0.2.256\n"
            return try Lint.paths([try folder.write("big.example.zone", text)])
        }
        #expect(findings.map(\.ruleCode) == ["DNS0001"])
        #expect(findings.first?.location?.line == 6 + 30_000 * 2 + 1)
    }

    /// Blocks, batches and parsed runs are reused from batch to batch: a short batch after long ones must
    /// carry none of their records, and every record keeps its own line and name.
    @Test func reusedBatchBuffersCarryNothingOver() async throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let file = try folder.write("reuse.example.zone", zoneText(origin: "reuse.example.", (0..<70_000).map {
            // Long records first (batches cut by text size), then short ones (cut by record count).
            $0 < 20_000 ? "long\($0) IN TXT \"\(String(repeating: "t", count: 120))\"" : "h\($0) IN A 192.0.2.\($0 % 250 + 1)"
        }.joined(separator: "\n") + "\nlast IN AAAA 2001:db8::1\n"))
        let url = URL(fileURLWithPath: file)
        let (issues, lines, owners) = try await offThePool {
            var reader = ZoneReader(rootURL: url, options: LintOptions())
            reader.read(path: file, url: url, origin: "reuse.example.")
            let builder = reader.builder
            return (reader.issues.map(\.message), builder.records.map(\.line), builder.records.map { builder.names.name($0.owner).text })
        }
        #expect(issues.isEmpty)
        #expect(lines == Array((3...(5 + 70_001)).map(UInt32.init)), "every record once, in file order")
        #expect(owners[3] == "long0.reuse.example." && owners[20_003] == "h20000.reuse.example.")
        #expect(owners.last == "last.reuse.example.")
        #expect(Set(owners).count == 2 + 70_000 + 1, "the apex, ns1, every record's own name and the last")
    }
}
