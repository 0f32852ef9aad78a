@testable import DNSLint
@testable import DNSLintModel
import Foundation
import Testing

/// Loops are told from long chains whatever their length, and a chain's length is its true length,
/// in zone files and live (the old 32-hop limit reported a 40-name loop as a "32 hops" chain).
@Suite struct CNAMEWalkTests {
    static let zone = TestPaths.fixtures("live").appendingPathComponent("loops.test.zone")

    static func check(_ findings: [Finding]) throws {
        let loops = findings.filter { $0.ruleCode == "DNS1004" }
        #expect(Set(loops.compactMap { $0.subject?.name }) == Set((0..<40).map { "l\($0).loops.test." }))
        #expect(!findings.contains { $0.ruleCode == "DNS1005" && $0.subject?.name.hasPrefix("l") == true })
        let chain = try #require(findings.first { $0.ruleCode == "DNS1005" && $0.subject?.name == "c0.loops.test." })
        #expect(chain.arguments["hops"] == .int(50))
        #expect(chain.message.contains("chain of 50 hops"))
    }

    @Test func zoneLoopsAndLongChainsAreToldApart() throws {
        try Self.check(try Lint.paths([Self.zone.path]))
    }

    /// A recording limit far below the loop's length changes neither verdict nor length.
    @Test func theVerdictDoesNotDependOnTheLimit() throws {
        var options = LintOptions()
        options.maxCNAMEHops = 5
        try Self.check(try Lint.report([Self.zone.path], options: options).findings)
    }

    /// One loop through 10,000 names: linear work, not a walk around the loop for every name.
    @Test func aHugeLoopFinishes() async throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        var text = "$ORIGIN huge.test.\n$TTL 300\n@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ IN NS ns1\nns1 IN A 192.0.2.1\n"
        let count = 10_000
        for index in 0..<count { text += "l\(index) IN CNAME l\((index + 1) % count)\n" }
        let file = try folder.write("huge.test.zone", text)
        var options = LintOptions()
        options.maxCNAMEHops = 4
        let run = try await runCommand(TestPaths.binary, ["check", file, "--max-cname-hops", "4", "--format", "json", "--output", "-"])
        #expect(run.status == 1, "\(run.stderr)")
        let findings = try await offThePool { [options] in try Lint.report([file], options: options).findings }
        #expect(findings.withCode("DNS1004").count == count)
    }

    @Test func liveLoopsAndLongChainsAreToldApart() async throws {
        let nsd = try ServerProcess.nsd(zones: ["loops.test"])
        defer { nsd.stop() }
        let names = (0..<40).map { "l\($0).loops.test." } + ["c0.loops.test."]
        let report = try await liveAudit(names, servers: ["127.0.0.1:\(nsd.port)"])
        try Self.check(report.findings)
    }
}
