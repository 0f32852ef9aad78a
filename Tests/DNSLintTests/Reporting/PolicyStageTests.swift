@testable import DNSLintModel
@testable import DNSLintReporting
import Testing

/// The policy stage between the rules and the reporters: rules switched off, severities re-graded,
/// equal findings reported once, and one order whatever order the rules produced them in.
@Suite struct PolicyStageTests {
    static func finding(_ code: String, _ path: String? = nil, line: Int = 1, column: Int = 1, subject: String? = nil,
                        type: String? = nil, server: String? = nil, message: String = "Message.",
                        severity: Severity = .warning, arguments: FindingArguments = [:]) -> Finding {
        Finding(ruleCode: code, ruleName: "rule-\(code.lowercased())", severity: severity, message: message,
                location: path.map { SourceLocation(path: $0, line: line, column: column) },
                subject: subject.map { DNSSubject(name: $0, type: type, server: server) }, arguments: arguments)
    }

    /// Short labels for failure messages.
    static func labels(_ findings: [Finding]) -> [String] {
        findings.map { finding in
            let place = finding.location.map { "\($0.path):\($0.line):\($0.column)" } ?? "-"
            let subject = finding.subject.map { "\($0.name)/\($0.type ?? "")@\($0.server ?? "")" } ?? "-"
            return "\(place) \(finding.ruleCode) \(subject) \(finding.message)"
        }
    }

    /// The policy sorts indices and moves each finding once; the order, ties included (findings equal in every
    /// key but their arguments), is exactly what sorting the findings themselves gives.
    @Test func sortingByIndexGivesTheOrderOfSortingTheFindings() {
        var generator = SeededRandom(state: 5)
        for size in [0, 1, 2, 17, 300, 2_000] {
            let findings = (0..<size).map { index in
                Self.finding(["DNS1001", "DNS1002", "DNS3001"].randomElement(using: &generator)!,
                             ["a.zone", "b.zone", nil].randomElement(using: &generator)!,
                             line: Int.random(in: 1...5, using: &generator), subject: ["x.", "y.", nil].randomElement(using: &generator)!,
                             arguments: ["index": .int(index)])
            }
            var byIndex = findings
            Policy.sortInReportOrder(&byIndex)
            #expect(byIndex == findings.sorted(by: Finding.reportOrder), "\(size) findings")
        }
    }

    @Test func disabledRulesAreDroppedAndNoOthers() {
        let findings = [Self.finding("DNS1001", "a.zone"), Self.finding("DNS1002", "a.zone"), Self.finding("DNS1001", "b.zone"),
                        Self.finding("DNS3001", "resolv.conf")]
        let kept = Policy(disabled: ["DNS1001"]).apply(to: findings)
        #expect(kept.map(\.ruleCode) == ["DNS1002", "DNS3001"])
        #expect(Policy(disabled: ["DNS1001", "DNS1002", "DNS3001"]).apply(to: findings).isEmpty)
        #expect(Policy().apply(to: findings).count == findings.count)
    }

    @Test func severityOverridesRegradeOnlyTheirRule() {
        let findings = [Self.finding("DNS1001", "a.zone", severity: .warning), Self.finding("DNS1002", "a.zone", severity: .warning),
                        Self.finding("DNS1017", "b.zone", severity: .note)]
        let regraded = Policy(severities: ["DNS1002": .error, "DNS1017": .warning]).apply(to: findings)
        #expect(regraded.map(\.ruleCode) == ["DNS1001", "DNS1002", "DNS1017"])
        #expect(regraded.map(\.severity) == [.warning, .error, .warning])
        #expect(Policy(severities: ["DNS1001": .note]).apply(to: findings).map(\.severity) == [.note, .warning, .note])
    }

    @Test func aDisabledRuleStaysOffWhateverSeverityItIsGiven() {
        let findings = [Self.finding("DNS1001", "a.zone"), Self.finding("DNS1002", "a.zone")]
        let kept = Policy(disabled: ["DNS1001"], severities: ["DNS1001": .error]).apply(to: findings)
        #expect(kept.map(\.ruleCode) == ["DNS1002"])
    }

    @Test func equalFindingsAreReportedOnce() {
        let twice = Self.finding("DNS1001", "a.zone", line: 3, subject: "api.example.", type: "AAAA", arguments: ["ttl": .int(30)])
        let other = Self.finding("DNS1003", "a.zone", line: 3)
        let unplaced = Self.finding("DNS1013", subject: "down.example.", type: "A", server: "10.0.0.10:53")
        let kept = Policy().apply(to: [twice, other, unplaced, twice, unplaced, twice])
        #expect(kept == [twice, other, unplaced], "\(Self.labels(kept))")
    }

    /// Findings that share place, code, subject and message but carry different data are different findings.
    @Test func findingsThatDifferOnlyInTheirDataAreBothKept() {
        let short = Self.finding("DNS1017", "names.txt", line: 2, subject: "a.example.", arguments: ["ttl": .int(3)])
        let long = Self.finding("DNS1017", "names.txt", line: 2, subject: "a.example.", arguments: ["ttl": .int(20)])
        let error = Self.finding("DNS1017", "names.txt", line: 2, subject: "a.example.", severity: .error)
        #expect(Set(Policy().apply(to: [short, long, error])) == [short, long, error])
        // Two equal findings with a tied but different one between them are still one.
        #expect(Policy().apply(to: [short, long, short]).count == 2)
    }

    /// Path, then line, then column, then rule code, then subject (name, type, server), then message.
    static let reportOrder: [Finding] = [
        finding("DNS4001", "examples/a.zone", line: 2, column: 1),
        finding("DNS1001", "examples/a.zone", line: 9, column: 1),
        finding("DNS1001", "examples/a.zone", line: 10, column: 1),
        finding("DNS1001", "examples/a.zone", line: 10, column: 2),
        finding("DNS1001", "examples/a.zone", line: 10, column: 2, subject: "a.example.", message: "Z."),
        finding("DNS1001", "examples/a.zone", line: 10, column: 2, subject: "b.example.", type: "A", message: "A."),
        finding("DNS1001", "examples/a.zone", line: 10, column: 2, subject: "b.example.", type: "AAAA"),
        finding("DNS1001", "examples/a.zone", line: 10, column: 2, subject: "b.example.", type: "AAAA", server: "10.0.0.10:53"),
        finding("DNS1001", "examples/a.zone", line: 10, column: 2, subject: "b.example.", type: "AAAA", server: "10.0.0.9:53"),
        finding("DNS1002", "examples/a.zone", line: 10, column: 2, message: "A first."),
        finding("DNS1002", "examples/a.zone", line: 10, column: 2, message: "B second."),
        finding("DNS1001", "examples/b.zone", line: 1, column: 1),
        finding("DNS0001", "examples/k8s/app.yaml", line: 1, column: 1),
        // No file: last, by code, then subject, then message.
        finding("DNS1011", subject: "z.example.", type: "A"),
        finding("DNS1013", subject: "a.example.", type: "A"),
        finding("DNS1013", subject: "a.example.", type: "AAAA"),
        finding("DNS1013", subject: "b.example.", type: "A", message: "A."),
        finding("DNS1013", subject: "b.example.", type: "A", message: "B."),
    ]

    @Test func findingsSortByPathLineColumnCodeSubjectMessageWithUnplacedOnesLast() {
        let sorted = Policy().apply(to: Self.reportOrder.reversed())
        #expect(Self.labels(sorted) == Self.labels(Self.reportOrder))
    }

    @Test(arguments: 1...8)
    func theOrderDoesNotDependOnTheOrderRulesFoundThemIn(seed: UInt64) {
        var random = SeededRandom(state: seed)
        let shuffled = Self.reportOrder.shuffled(using: &random) + Self.reportOrder.shuffled(using: &random)
        let sorted = Policy().apply(to: shuffled)
        #expect(Self.labels(sorted) == Self.labels(Self.reportOrder))
    }

    @Test func inPlaceAndCopyingApplyAgree() {
        let policy = Policy(disabled: ["DNS0001"], severities: ["DNS1013": .note])
        var inPlace = Self.reportOrder.reversed() + Self.reportOrder
        policy.apply(to: &inPlace)
        let copied = policy.apply(to: Self.reportOrder.reversed() + Self.reportOrder)
        #expect(inPlace == copied)
        #expect(copied.count == Self.reportOrder.count - 1)
        #expect(copied.filter { $0.ruleCode == "DNS1013" }.allSatisfy { $0.severity == .note })
    }
}
