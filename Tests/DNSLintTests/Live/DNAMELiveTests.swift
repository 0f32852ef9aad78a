@testable import DNSLint
@testable import DNSLintModel
import Foundation
import Testing

/// Chains through a DNAME (RFC 6672) are followed live as offline: the synthesized CNAME is one more hop,
/// so a name below the DNAME owner is neither dangling (DNS1003) nor a failed lookup (DNS1013).
@Suite(.serialized) struct DNAMELiveTests {
    static let zone = TestPaths.fixtures("live").appendingPathComponent("dname.test.zone")
    static let names = ["app.old.dname.test.", "alias.dname.test.", "gone.dname.test."]

    /// The same verdicts from a server as from the zone file: only `gone`, whose synthesized target is missing.
    static func check(_ findings: [Finding], live: Bool) throws {
        let shown = findings.map { "\($0.ruleCode) \($0.subject?.name ?? "-") \($0.message)" }
        let quiet = findings.filter { finding in
            let name = finding.subject?.name ?? ""
            return name.hasPrefix("app.old.") || name.hasPrefix("alias.")
        }
        #expect(quiet.isEmpty, "\(shown)")
        #expect(!findings.contains { $0.ruleCode == "DNS1013" }, "\(shown)")
        let dangling = try #require(findings.first { $0.ruleCode == "DNS1003" && $0.subject?.name == "gone.dname.test." }, "\(shown)")
        #expect(dangling.arguments["target"] == .string("gone.new.dname.test."))
        // The hop through the DNAME says where it came from.
        #expect(dangling.related.contains { $0.message.contains("gone.old") && $0.message.contains("synthesized from the DNAME at old") },
                "\(dangling.related.map(\.message))")
        if live { #expect(dangling.related.allSatisfy { $0.subject?.server != nil }) }
    }

    @Test func zoneFileFollowsTheDNAME() throws {
        let findings = try Lint.paths([Self.zone.path]).filter { Self.names.contains($0.subject?.name ?? "") }
        try Self.check(findings, live: false)
    }

    @Test func nsdAnswersAreFollowedThroughTheDNAME() async throws {
        let nsd = try ServerProcess.nsd(zones: ["dname.test"])
        defer { nsd.stop() }
        let report = try await liveAudit(Self.names, servers: ["127.0.0.1:\(nsd.port)"])
        try Self.check(report.findings, live: true)
    }

    @Test func unboundAnswersAreFollowedThroughTheDNAME() async throws {
        // Unbound is ready once it resolves ns1.incident.test through NSD.
        let nsd = try ServerProcess.nsd(zones: ["dname.test", "incident.test"])
        defer { nsd.stop() }
        let unbound = try ServerProcess.unbound(forwardingTo: nsd.port)
        defer { unbound.stop() }
        let report = try await liveAudit(Self.names, servers: ["127.0.0.1:\(unbound.port)"])
        try Self.check(report.findings, live: true)
    }

    /// Authoritative mode finds the zone's own server for each hop, the synthesized one included.
    @Test func authoritativeModeFollowsTheDNAME() async throws {
        let nsd = try ServerProcess.nsd(zones: ["dname.test", "incident.test"])
        defer { nsd.stop() }
        let unbound = try ServerProcess.unbound(forwardingTo: nsd.port)
        defer { unbound.stop() }
        let report = try await liveAudit(Self.names, servers: ["127.0.0.1:\(unbound.port)"]) {
            $0.authoritative = true
            $0.authoritativePort = Int(nsd.port)
        }
        try Self.check(report.findings, live: true)
        let dangling = try #require(report.findings.first { $0.ruleCode == "DNS1003" })
        #expect(dangling.related.allSatisfy { $0.subject?.server == "127.0.0.1:\(nsd.port)" }, "\(dangling.related)")
    }

    /// A server that sends the DNAME without its synthesized CNAME (RFC 6672 3.4): the prober synthesizes the
    /// hop itself, so the chain reaches x.moved.test. (A only there: the broken AAAA of DNS1001, not a dead end).
    @Test func aDNAMEWithoutItsCNAMEIsStillFollowed() async throws {
        let server = try MisbehavingServer()
        defer { server.stop() }
        let report = try await liveAudit(["x.dnameonly.test."], servers: ["127.0.0.1:\(server.port)"])
        let shown = report.findings.map { "\($0.ruleCode) \($0.message)" }
        #expect(report.findings.map(\.ruleCode) == ["DNS1001"], "\(shown)")
        let broken = try #require(report.findings.first)
        #expect(broken.arguments["chain"] == .strings(["x.dnameonly.test.", "x.moved.test."]))
        #expect(broken.related.first?.message.contains("synthesized from the DNAME at dnameonly.test.") == true, "\(broken.related.map(\.message))")
    }
}
