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
        // The report goes to a scratch file, not /dev/null: a binary that renamed over its target would replace the device.
        let report = folder.url.appendingPathComponent("report.json").path
        let run = try await runCommand(TestPaths.binary, ["check", file, "--max-cname-hops", "4", "--format", "json", "--output", report])
        #expect(run.status == 1, "\(run.stderr)")
        let findings = try await offThePool { [options] in try Lint.report([file], options: options).findings }
        #expect(findings.withCode("DNS1004").count == count)
    }

    /// Live, the prober follows a chain past the recording limit: a 40-name loop asked with a limit of 5 is
    /// still a loop, and the 50-hop chain still has its true length.
    @Test func liveVerdictDoesNotDependOnTheLimit() async throws {
        let nsd = try ServerProcess.nsd(zones: ["loops.test"])
        defer { nsd.stop() }
        let names = (0..<40).map { "l\($0).loops.test." } + ["c0.loops.test."]
        var lint = LintOptions()
        lint.maxCNAMEHops = 5
        let report = try await liveAudit(names, servers: ["127.0.0.1:\(nsd.port)"], lint: lint)
        try Self.check(report.findings)
        let loop = try #require(report.findings.first { $0.ruleCode == "DNS1004" && $0.subject?.name == "l0.loops.test." })
        #expect(loop.message == "l0.loops.test. is a CNAME chain that loops (l0.loops.test. -> l1.loops.test. -> l2.loops.test. -> "
                + "l3.loops.test. -> l4.loops.test. -> l5.loops.test. -> …): it can never resolve.")
    }

    /// A 70-name loop at the default limit of 64 is a loop (DNS1004), not a chain of "at least 65 hops"
    /// (DNS1005). The capture keeps how the chain went on past the recorded hops, so `analyze` gives the same
    /// verdict, with any limit.
    @Test func liveLoopLongerThanTheDefaultLimit() async throws {
        let nsd = try ServerProcess.nsd(zones: ["longloop.test"])
        defer { nsd.stop() }
        let folder = ScratchFolder()
        defer { folder.remove() }
        let capture = folder.url.appendingPathComponent("run.capture.json").path
        let names = ["m0.longloop.test.", "m35.longloop.test."]
        let report = try await liveAudit(names, servers: ["127.0.0.1:\(nsd.port)"], configure: { $0.capturePath = capture })
        #expect(Set(report.findings.withCode("DNS1004").compactMap { $0.subject?.name }) == Set(names))
        #expect(report.findings.withCode("DNS1005").isEmpty)
        let loop = try #require(report.findings.first { $0.ruleCode == "DNS1004" && $0.subject?.name == "m0.longloop.test." })
        let recorded = (1...64).map { "m\($0).longloop.test." }.joined(separator: " -> ")
        #expect(loop.message == "m0.longloop.test. is a CNAME chain that loops (m0.longloop.test. -> \(recorded) -> …): it can never resolve.")
        for limit in [64, 5] {
            var options = LintOptions()
            options.maxCNAMEHops = limit
            let analyzed = try await offThePool { [options] in try Lint.report([capture], options: options).findings }
            #expect(Set(analyzed.withCode("DNS1004").compactMap { $0.subject?.name }) == Set(names), "analyze --max-cname-hops \(limit)")
            #expect(analyzed.withCode("DNS1005").isEmpty)
        }
    }

    @Test func liveLoopsAndLongChainsAreToldApart() async throws {
        let nsd = try ServerProcess.nsd(zones: ["loops.test"])
        defer { nsd.stop() }
        let names = (0..<40).map { "l\($0).loops.test." } + ["c0.loops.test."]
        let report = try await liveAudit(names, servers: ["127.0.0.1:\(nsd.port)"])
        try Self.check(report.findings)
    }
}
