@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintLive
import Foundation
import Testing

/// DNS1007 on live answers: names from a zone are asked for the MX, NS, SRV and SOA records they hold and each
/// target for its A, against NSD serving `targets.test` (and `incident.test`, where ext's MX target is a CNAME).
@Suite(.serialized) struct TargetIsAliasLiveTests {
    static let zone = TestPaths.fixtures("live").appendingPathComponent("targets.test.zone")

    /// The DNS1007 findings as `line name type target`, in report order.
    static func shown(_ findings: [Finding]) -> [String] {
        findings.filter { $0.ruleCode == "DNS1007" }.map { finding in
            let target = if case .string(let text) = finding.arguments["target"] { text } else { "-" }
            return "\(finding.location?.line ?? 0) \(finding.subject?.name ?? "-") \(finding.subject?.type ?? "-") \(target)"
        }
    }

    @Test func theZoneFileJudgesItsOwnTargets() throws {
        let findings = try Lint.paths([Self.zone.path])
        let expected = ExpectComments.expectations(in: Self.zone, shownAs: Self.zone.path)
        #expect(ExpectComments.actual(findings).sorted() == expected.sorted())
        // Anchored at the record; ext's target lives in another zone, which a zone file cannot judge.
        #expect(Self.shown(findings) == [
            "13 shop.targets.test. MX mail.targets.test.",
            "15 office.targets.test. MX mail.targets.test.",
            "18 _sip._tcp.targets.test. SRV sip.targets.test.",
        ])
    }

    /// `dnslint live --zone`: one finding per alias target, at the line that declared the name, and the capture
    /// read back by `analyze` gives the same findings.
    @Test func nsdAnswersAreJudgedAndTheCaptureAgrees() async throws {
        let nsd = try ServerProcess.nsd(zones: ["targets.test", "incident.test"])
        defer { nsd.stop() }
        let folder = ScratchFolder()
        defer { folder.remove() }
        let capture = folder.url.appendingPathComponent("targets.capture.json")
        let server = "127.0.0.1:\(nsd.port)"
        let live = try await liveAudit([], servers: [server], configure: { $0.capturePath = capture.path },
                                       source: NameSource(zoneFiles: [Self.zone.path]))
        let all = live.findings.map { "\($0.ruleCode) \($0.subject?.name ?? "-") \($0.message)" }
        #expect(live.findings.allSatisfy { $0.ruleCode == "DNS1007" }, "\(all)")
        #expect(Self.shown(live.findings) == [
            "13 shop.targets.test. MX mail.targets.test.",
            "14 office.targets.test. MX mail.targets.test.",
            "16 ext.targets.test. MX api.incident.test.",
            "18 _sip._tcp.targets.test. SRV sip.targets.test.",
        ], "\(all)")
        #expect(live.findings.allSatisfy { $0.location?.path == Self.zone.path && $0.subject?.server == server })
        let shop = try #require(live.findings.first { $0.subject?.name == "shop.targets.test." })
        #expect(shop.message == "The MX exchange of shop.targets.test. is mail.targets.test., which is a CNAME to "
                    + "mx-host.targets.test. from \(server); MX records must point at a host name, not an alias.")
        // Live answers have no origin to shorten names against.
        #expect(shop.related.map(\.message) == ["mail.targets.test. CNAME mx-host.targets.test. (TTL 300) from \(server)"])

        let offline = try Lint.report([capture.path])
        #expect(offline.findings == live.findings)
        // The capture holds the MX/SRV answers and the targets' A, and nothing else was asked of clean names.
        let written = try JSONDecoder().decode(Capture.self, from: Data(contentsOf: capture))
        let shopQueries = try #require(written.names.first { $0.name == "shop.targets.test." }).queries
        #expect(shopQueries.contains { $0.name == "shop.targets.test." && $0.type == "MX" && $0.edns })
        #expect(shopQueries.contains { $0.name == "mail.targets.test." && $0.type == "A" })
        let nomail = try #require(written.names.first { $0.name == "nomail.targets.test." }).queries
        #expect(Set(nomail.map(\.name)) == ["nomail.targets.test."], "a null MX names no host to ask")
    }

    /// A names-file line asks the types it names; a plain line asks A and AAAA only, as before.
    @Test func aNamesFileLineNamesTheTypesToAsk() async throws {
        let nsd = try ServerProcess.nsd(zones: ["targets.test", "incident.test"])
        defer { nsd.stop() }
        let folder = ScratchFolder()
        defer { folder.remove() }
        let names = try folder.write("names.txt", """
            # names whose targets are checked
            shop.targets.test. MX
            _sip._tcp.targets.test.   srv   # lower case is fine
            office.targets.test.
            """)
        let report = try await liveAudit([], servers: ["127.0.0.1:\(nsd.port)"], source: NameSource(namesFiles: [names]))
        #expect(Self.shown(report.findings) == [
            "2 shop.targets.test. MX mail.targets.test.",
            "3 _sip._tcp.targets.test. SRV sip.targets.test.",
        ])
        let wrong = try folder.write("wrong.txt", "shop.targets.test. TXT\n")
        await #expect(throws: InputError.self) {
            _ = try await liveAudit([], servers: ["127.0.0.1:\(nsd.port)"], source: NameSource(namesFiles: [wrong]))
        }
    }

    /// `--axfr` knows each owner's types from the transfer: the same findings, without a file to anchor them.
    @Test func namesFromAZoneTransferAskTheirTypes() async throws {
        let nsd = try ServerProcess.nsd(zones: ["targets.test", "incident.test"])
        defer { nsd.stop() }
        let report = try await liveAudit([], servers: ["127.0.0.1:\(nsd.port)"],
                                         source: NameSource(transfers: ["targets.test@127.0.0.1:\(nsd.port)"]))
        #expect(Self.shown(report.findings) == [
            "0 _sip._tcp.targets.test. SRV sip.targets.test.",
            "0 ext.targets.test. MX api.incident.test.",
            "0 office.targets.test. MX mail.targets.test.",
            "0 shop.targets.test. MX mail.targets.test.",
        ], "\(report.findings.map(\.message))")
    }

    /// Authoritative mode asks each target on its own zone's servers, found through the resolver.
    @Test func authoritativeModeAsksTheTargetsZones() async throws {
        // elb.test too: the zone of api.incident.test is found by asking Unbound for its SOA, which follows the
        // CNAME chain to its end in elb.test.
        let nsd = try ServerProcess.nsd(zones: ["targets.test", "incident.test", "elb.test"])
        defer { nsd.stop() }
        let unbound = try ServerProcess.unbound(forwardingTo: nsd.port)
        defer { unbound.stop() }
        let report = try await liveAudit([], servers: ["127.0.0.1:\(unbound.port)"], configure: {
            $0.authoritative = true
            $0.authoritativePort = Int(nsd.port)
        }, source: NameSource(zoneFiles: [Self.zone.path]))
        #expect(Self.shown(report.findings).count == 4, "\(report.findings.map(\.message))")
        #expect(report.findings.allSatisfy { $0.related.allSatisfy { $0.subject?.server == "127.0.0.1:\(nsd.port)" } },
                "\(report.findings.flatMap(\.related))")
    }
}
