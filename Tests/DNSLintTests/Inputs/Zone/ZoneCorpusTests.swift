@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting
import Foundation
import Testing

/// Every real zone in the shared corpus is read to the end; the broken ones fail at the right line.
@Suite(.needsShared) struct ZoneCorpusTests {
    static var corpusZones: [URL] {
        let folder = TestPaths.corpus("zones")
        let top = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let large = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("large").path)) ?? []
        return (top.map { folder.appendingPathComponent($0) } + large.map { folder.appendingPathComponent("large/\($0)") })
            .filter { !$0.hasDirectoryPath && $0.lastPathComponent != "large" }
    }

    /// Lines where a real name server rejects the zone (from the corpus notes).
    static let brokenLines: [String: Int] = [
        "isc-projects-bind9__checkzone__bad1.db": 6,
        "isc-projects-bind9__checkzone__badttl.db": 1,
        "NLnetLabs-nsd__tpkg-bug107_bad_hex_3597.zone": 10,
    ]

    @Test(arguments: corpusZones)
    func readsToTheEnd(_ zone: URL) async throws {
        do {
            let findings = try await offThePool { try Lint.paths([zone.path]) }
            if let line = ZoneCorpusTests.brokenLines[zone.lastPathComponent] {
                #expect(findings.contains { $0.ruleCode == "DNS0001" && $0.location?.line == line })
            }
        } catch let error as InputError {
            #expect(error.message.contains(zone.lastPathComponent), "exit-2 errors must name the file: \(error.message)")
        }
    }

    @Test func corpusHoldsEveryZone() {
        #expect(ZoneCorpusTests.corpusZones.count >= 29)
    }
}
