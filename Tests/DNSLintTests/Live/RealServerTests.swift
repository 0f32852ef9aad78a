@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting
import Foundation
import Testing

/// End to end against real servers on 127.0.0.1: NSD serving the incident zones, Unbound resolving through it.
@Suite(.serialized) struct RealServerTests {
    static let zones = ["incident.test", "elb.test"]
    static let names = ["api.incident.test.", "both.incident.test.", "big.incident.test.", "short.incident.test.",
                        "ok.incident.test.", "nx.incident.test."]

    @Test func incidentShapesThroughUnboundBecomeDataFindings() async throws {
        let nsd = try ServerProcess.nsd(zones: Self.zones)
        defer { nsd.stop() }
        let unbound = try ServerProcess.unbound(forwardingTo: nsd.port)
        defer { unbound.stop() }
        let server = "127.0.0.1:\(unbound.port)"
        let report = try await liveAudit(Self.names, servers: [server])

        #expect(report.codes(for: "api.") == ["DNS1001"])
        let broken = try #require(report.findings.first { $0.ruleCode == "DNS1001" })
        #expect(broken.subject?.server == server)
        #expect(broken.message.contains("virginia.us1.api-lb.incident.test."))
        // Unbound counts cached TTLs down: a retry or a slow machine reads a few seconds less.
        guard case .int(let aTTL) = broken.arguments["aTTL"], case .int(let aaaaTTL) = broken.arguments["aaaaTTL"] else {
            Issue.record("DNS1001 carries aTTL and aaaaTTL")
            return
        }
        #expect((50...60).contains(aTTL))
        #expect((285...300).contains(aaaaTTL))
        #expect(broken.related.count == 3 && broken.related.allSatisfy { $0.subject?.server == server })
        #expect(report.codes(for: "both.") == ["DNS1002"])
        #expect(report.codes(for: "big.").contains("DNS1010"))
        let big = try #require(report.findings.first { $0.ruleCode == "DNS1010" })
        #expect(big.arguments["records"] == .int(45))
        #expect(report.codes(for: "short.") == ["DNS1017"])
        #expect(report.codes(for: "ok.").isEmpty, "\(report.findings.filter { $0.subject?.name.hasPrefix("ok.") == true }.map { "\($0.message) \($0.arguments)" })")
        #expect(report.codes(for: "nx.").isEmpty)
        #expect(report.int("names") == Self.names.count)
        #expect(report.int("responses") >= report.int("queries") - report.int("timeouts"))
        #expect(report.int("timeouts") == 0)
    }

    @Test func captureReanalysedOfflineGivesIdenticalFindings() async throws {
        let nsd = try ServerProcess.nsd(zones: Self.zones)
        defer { nsd.stop() }
        let folder = ScratchFolder()
        defer { folder.remove() }
        let namesFile = try folder.write("names.txt", "# audited names\n" + Self.names.joined(separator: "\n") + "\n")
        let capture = folder.url.appendingPathComponent("nightly.capture.json")
        let live = try await liveAudit([], servers: ["127.0.0.1:\(nsd.port)"], configure: { $0.capturePath = capture.path },
                                       source: NameSource(namesFiles: [namesFile]))
        #expect(!live.findings.isEmpty)
        #expect(live.findings.first?.location?.path == namesFile)
        #expect(live.findings.allSatisfy { ($0.location?.line ?? 0) >= 2 })

        let offline = try Lint.report([capture.path])
        #expect(offline.findings == live.findings)
        #expect(offline.extraSummary["queries"] == live.extraSummary["queries"])
    }

    @Test func authoritativeModeAsksTheZonesOwnServers() async throws {
        let nsd = try ServerProcess.nsd(zones: Self.zones)
        defer { nsd.stop() }
        let unbound = try ServerProcess.unbound(forwardingTo: nsd.port)
        defer { unbound.stop() }
        let report = try await liveAudit(["api.incident.test.", "ok.incident.test."], servers: ["127.0.0.1:\(unbound.port)"]) {
            $0.authoritative = true
            $0.authoritativePort = Int(nsd.port)
        }
        let broken = try #require(report.findings.first { $0.ruleCode == "DNS1001" })
        // Every hop was answered by NSD itself (found through the zones' NS records), not by Unbound.
        #expect(broken.related.allSatisfy { $0.subject?.server == "127.0.0.1:\(nsd.port)" }, "\(broken.related)")
        #expect(report.codes(for: "ok.").isEmpty, "\(report.findings.filter { $0.subject?.name.hasPrefix("ok.") == true }.map { "\($0.message) \($0.arguments)" })")
    }

    @Test func namesComeFromAZoneTransfer() async throws {
        let nsd = try ServerProcess.nsd(zones: Self.zones)
        defer { nsd.stop() }
        let report = try await liveAudit([], servers: ["127.0.0.1:\(nsd.port)"],
                                         source: NameSource(transfers: ["incident.test@127.0.0.1:\(nsd.port)"]))
        // Apex, ns1, api, virginia.us1.api-lb, both, also, short, ok, big.
        #expect(report.int("names") == 9)
        #expect(report.codes(for: "api.") == ["DNS1001"])
        #expect(report.codes(for: "also.") == ["DNS1002"])
        await #expect(throws: InputError.self) {
            _ = try await liveAudit([], servers: ["127.0.0.1:\(nsd.port)"],
                                    source: NameSource(transfers: ["not-served.test@127.0.0.1:\(nsd.port)"]))
        }
    }
}
