@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting
import Foundation
import Testing

/// Faults real servers do not make, from a purpose-built server on 127.0.0.1.
@Suite(.serialized) struct MisbehavingServerTests {
    @Test func truncatedAnswerWithoutTCPListenerIsTCPFallbackFailed() async throws {
        let server = try MisbehavingServer()
        defer { server.stop() }
        let report = try await liveAudit(["tc.bad.test."], servers: ["127.0.0.1:\(server.port)"])
        let finding = try #require(report.findings.first { $0.ruleCode == "DNS1011" })
        #expect(finding.message.contains("TCP retry failed"))
        #expect(finding.subject?.server == "127.0.0.1:\(server.port)")
    }

    @Test func searchExpansionWithSplitRcodesIsReported() async throws {
        let server = try MisbehavingServer()
        defer { server.stop() }
        let folder = ScratchFolder()
        defer { folder.remove() }
        let resolvConf = try folder.write("resolv.conf", "nameserver 127.0.0.1\nsearch split.test ok.test\noptions ndots:5\n")
        let report = try await liveAudit(["www"], servers: ["127.0.0.1:\(server.port)"]) { $0.resolvConf = resolvConf }
        let splits = report.findings.filter { $0.ruleCode == "DNS1014" }
        // www.split.test splits; www.ok.test answers both types alike.
        #expect(splits.map { $0.subject?.name } == ["www.split.test."])
        #expect(splits.first?.arguments["aRcode"] == .string("NXDOMAIN"))
    }

    @Test(arguments: ["silent", "garbage", "loop", "wrongid"])
    func unusableRepliesEndAsLookupFailedNotCrashes(_ label: String) async throws {
        let server = try MisbehavingServer()
        defer { server.stop() }
        let report = try await liveAudit(["\(label).bad.test."], servers: ["127.0.0.1:\(server.port)"], timeout: 0.3, retries: 1)
        let failed = try #require(report.findings.first { $0.ruleCode == "DNS1013" })
        let expectedReason = ["silent": "timeout", "wrongid": "timeout", "garbage": "malformed", "loop": "malformed"][label]!
        #expect(failed.message.contains(expectedReason), "\(failed.message)")
        switch label {
        case "wrongid": #expect(report.int("mismatched") >= 4)
        case "garbage", "loop": #expect(report.int("malformed") >= 4)
        default: #expect(report.int("timeouts") >= 4)
        }
        // Two attempts for each of A and AAAA, with and without EDNS.
        #expect(report.int("queries") == 8)
    }

    @Test func answersWithoutOPTAreEDNSNotSupported() async throws {
        let server = try MisbehavingServer()
        defer { server.stop() }
        let report = try await liveAudit(["noedns.bad.test.", "fine.bad.test."], servers: ["127.0.0.1:\(server.port)"])
        #expect(report.codes(for: "noedns.") == ["DNS1012"])
        #expect(report.codes(for: "fine.").isEmpty)
        #expect(report.int("names") == 2)
    }

    /// The split on the audited name itself, not only on its search-list expansions.
    @Test func splitRcodesOnTheNameItselfAreReported() async throws {
        let server = try MisbehavingServer()
        defer { server.stop() }
        let report = try await liveAudit(["www.split.test.", "www.ok.test."], servers: ["127.0.0.1:\(server.port)"])
        let splits = report.findings.filter { $0.ruleCode == "DNS1014" }
        #expect(splits.map { $0.subject?.name } == ["www.split.test."])
        #expect(splits.first?.arguments["aRcode"] == .string("NXDOMAIN"))
        #expect(splits.first?.arguments["searchDomain"] == nil)
    }

    /// DNS1006 and DNS1008 judge live answers too, not only zone files.
    @Test func answersThatDifferByTypeAreCNAMEAndOtherData() async throws {
        let server = try MisbehavingServer()
        defer { server.stop() }
        let report = try await liveAudit(["bytype.bad.test.", "fine.bad.test."], servers: ["127.0.0.1:\(server.port)"])
        let finding = try #require(report.findings.first { $0.ruleCode == "DNS1006" })
        #expect(finding.subject?.name == "bytype.bad.test.")
        #expect(finding.message.contains("with a CNAME to host.bad.test."))
        #expect(finding.arguments["otherTypes"] == .strings(["AAAA"]))
        #expect(!report.codes(for: "fine.").contains("DNS1006"))
    }

    @Test func oneRRsetWithTwoTTLsIsReportedLive() async throws {
        let server = try MisbehavingServer()
        defer { server.stop() }
        let report = try await liveAudit(["ttls.bad.test.", "fine.bad.test."], servers: ["127.0.0.1:\(server.port)"])
        let finding = try #require(report.findings.first { $0.ruleCode == "DNS1008" })
        #expect(finding.arguments["ttls"] == .ints([300, 600]))
        #expect(finding.subject?.type == "A")
        #expect(report.findings.filter { $0.ruleCode == "DNS1008" }.count == 1)
        #expect(!report.codes(for: "fine.").contains("DNS1008"))
    }

    @Test func anUnreachableServerIsAFindingNotAnError() async throws {
        let port = Loopback.freePort()
        let report = try await liveAudit(["nobody.test."], servers: ["127.0.0.1:\(port)"], timeout: 0.2, retries: 0)
        #expect(report.codes(for: "nobody.") == ["DNS1013"])
    }
}
