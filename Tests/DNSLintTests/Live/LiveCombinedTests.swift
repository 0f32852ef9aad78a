@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting
import Foundation
import Testing

/// `dnslint live --config Corefile`: the combined rules judge live answers, not only zone files.
@Suite(.serialized) struct LiveCombinedTests {
    static let corefile = """
        .:53 {
            kubernetes cluster.local in-addr.arpa ip6.arpa {
                pods verified
            }
            autopath @kubernetes
            cache 300
            forward . /etc/resolv.conf
            loop
        }
        """

    func audit(server: String, config: [String]) async throws -> LintReport {
        var live = LiveOptions()
        live.servers = [server]
        live.timeoutSeconds = 1
        live.retries = 1
        live.queriesPerSecond = 0
        live.progress = false
        live.configPaths = config
        var lint = LintOptions()
        lint.corednsVersion = "1.11.1"
        return try await LiveRun.run(names: NameSource(arguments: ["api.incident.test.", "big.incident.test.", "ok.incident.test."]),
                                       live: live, lint: lint)
    }

    @Test func corefileCombinesWithLiveAnswers() async throws {
        let nsd = try ServerProcess.nsd(zones: RealServerTests.zones)
        defer { nsd.stop() }
        let folder = ScratchFolder()
        defer { folder.remove() }
        let corefile = try folder.write("Corefile", Self.corefile)
        let server = "127.0.0.1:\(nsd.port)"

        let report = try await audit(server: server, config: [corefile])
        let split = try #require(report.findings.first { $0.ruleCode == "DNS4001" })
        #expect(split.subject?.name == "api.incident.test.")
        #expect(split.related.contains { $0.location?.path == corefile })
        #expect(report.codes(for: "big.").contains("DNS4002"))
        #expect(!report.codes(for: "ok.").contains { $0.hasPrefix("DNS4") })
        // The Corefile itself is linted once, not once per batch of names.
        #expect(report.findings.filter { $0.ruleCode == "DNS2001" }.count == 1)
        #expect(report.filesChecked == 1)

        let without = try await audit(server: server, config: [])
        #expect(!without.findings.contains { $0.ruleCode.hasPrefix("DNS4") || $0.ruleCode.hasPrefix("DNS2") })
        #expect(without.codes(for: "api.").contains("DNS1001"))
    }
}
