@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting
import Foundation
import Testing

/// The shipped incident scenario (`examples/`: a CoreDNS ConfigMap and Deployment, an app manifest, a pod's
/// resolv.conf and the zones they combine with) states every finding inline; linted together, as the
/// README's quick start does, findings and expectations must match exactly.
@Suite struct ExamplesTests {
    static let root = TestPaths.packageRoot.appendingPathComponent("examples")

    static var files: [String] {
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        return (enumerator?.allObjects as? [String] ?? []).filter {
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
    }

    @Test func everyExampleFileMatchesItsExpectations() throws {
        let files = Self.files
        #expect(files.contains("k8s/coredns-configmap.yaml") && files.contains("k8s/app.yaml")
                && files.contains("resolvconf/pod-resolv.conf") && files.contains("zones/example.com.zone"))
        let expected = Set(files.flatMap { ExpectComments.expectations(in: Self.root.appendingPathComponent($0), shownAs: Self.root.path + "/" + $0) })
        let findings = try Lint.paths([Self.root.path])
        let actual = Set(ExpectComments.actual(findings))
        #expect(actual.subtracting(expected).isEmpty, "unexpected: \(actual.subtracting(expected).sorted { $0.description < $1.description })")
        #expect(expected.subtracting(actual).isEmpty, "missing: \(expected.subtracting(actual).sorted { $0.description < $1.description })")
        #expect(findings.allSatisfy { $0.location != nil }, "every example finding has a place in a file")
        // Each combined rule is part of the scenario, and the clean zone stays clean beside it.
        for code in ["DNS4001", "DNS4002", "DNS4003"] { #expect(expected.contains { $0.code == code }, "\(code)") }
        #expect(!findings.contains { $0.location?.path.hasSuffix("clean.example.zone") == true })
    }

    @Test func theIncidentFindingPointsAtEveryPartOfTheTriad() throws {
        let findings = try Lint.paths([Self.root.path])
        let incident = try #require(findings.first { $0.ruleCode == "DNS4001" && $0.subject?.name == "api.example.com." })
        #expect(incident.severity == .error)
        let related = incident.related.compactMap(\.location).map { "\(URL(fileURLWithPath: $0.path).lastPathComponent):\($0.line)" }
        let corefileLines = try lines(of: "k8s/coredns-configmap.yaml", containing: ["autopath @kubernetes", "cache 30", "image: registry.k8s.io/coredns"])
        let zoneLines = try lines(of: "zones/example.com.zone", containing: ["api      IN CNAME", "virginia.us1.api-lb IN CNAME", "nlb-0a1b2c.elb 20 IN A"])
        #expect(related == corefileLines.map { "coredns-configmap.yaml:\($0)" } + zoneLines.map { "example.com.zone:\($0)" })
        #expect(incident.arguments["corednsVersion"] == .string("1.11.1"))
        #expect(incident.arguments["cachedATTL"] == .int(20) && incident.arguments["cachedAAAATTL"] == .int(30))
    }

    private func lines(of file: String, containing needles: [String]) throws -> [Int] {
        let text = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
        let all = text.split(separator: "\n", omittingEmptySubsequences: false)
        return try needles.map { needle in try #require(all.firstIndex { $0.contains(needle) }) + 1 }
    }
}
