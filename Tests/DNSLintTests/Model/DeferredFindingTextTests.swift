import DNSLintModel
import Synchronization
import Testing

/// A finding whose text a rule deferred reads, compares, hashes and changes like one built with its text.
@Suite struct DeferredFindingTextTests {
    @Test func readsAsTheFindingBuiltWithItsText() {
        let text = CountingText()
        let deferred = Self.finding(deferred: text)
        #expect(text.reads.load(ordering: .relaxed) == 0, "nothing is written until something reads it")
        #expect(deferred.message == "written later")
        #expect(deferred.related == Self.related)
        #expect(deferred.arguments == ["ttl": .int(300)])
        #expect(deferred == Self.eager())
        #expect(Self.eager() == deferred)
        #expect(deferred.hashValue == Self.eager().hashValue)
        #expect(Set([deferred, Self.eager()]).count == 1)
    }

    @Test func differsWhereTheTextDiffers() {
        let other = Finding(ruleCode: "DNS9999", ruleName: "test", severity: .warning, message: "written otherwise",
                            location: Self.place, related: Self.related, arguments: ["ttl": .int(300)])
        #expect(Self.finding(deferred: CountingText()) != other)
    }

    /// Setting one deferred field writes out the other two first, so they keep what the text said.
    @Test(arguments: ["message", "related", "arguments"])
    func settingOneFieldKeepsTheOthers(field: String) {
        var finding = Self.finding(deferred: CountingText())
        let copy = finding
        switch field {
        case "message": finding.message = "changed"
        case "related": finding.related = []
        default: finding.arguments = [:]
        }
        #expect(finding.message == (field == "message" ? "changed" : "written later"))
        #expect(finding.related == (field == "related" ? [] : Self.related))
        #expect(finding.arguments == (field == "arguments" ? [:] : ["ttl": .int(300)]))
        // The copy taken before the change still reads the deferred text.
        #expect(copy == Self.eager())
    }

    @Test func otherFieldsChangeWithoutWritingTheText() {
        let text = CountingText()
        var finding = Self.finding(deferred: text)
        finding.severity = .error
        finding.directive = ".:53 > forward"
        #expect(text.reads.load(ordering: .relaxed) == 0)
        #expect(finding.severity == .error && finding.message == "written later")
    }

    static let place = SourceLocation(path: "zone.db", line: 7)
    static let related = [RelatedLocation(message: "www A (TTL 300)", location: SourceLocation(path: "zone.db", line: 8))]

    static func finding(deferred text: CountingText) -> Finding {
        Finding(ruleCode: "DNS9999", ruleName: "test", severity: .warning, deferred: text, location: place,
                subject: DNSSubject(name: "www.example.test.", type: "A"))
    }

    static func eager() -> Finding {
        Finding(ruleCode: "DNS9999", ruleName: "test", severity: .warning, message: "written later", location: place,
                subject: DNSSubject(name: "www.example.test.", type: "A"), related: related, arguments: ["ttl": .int(300)])
    }
}

/// Counts how often its text is written.
final class CountingText: DeferredFindingText {
    let reads = Atomic<Int>(0)

    var message: String {
        reads.add(1, ordering: .relaxed)
        return "written later"
    }

    var related: [RelatedLocation] {
        reads.add(1, ordering: .relaxed)
        return DeferredFindingTextTests.related
    }

    var arguments: FindingArguments {
        reads.add(1, ordering: .relaxed)
        return ["ttl": .int(300)]
    }
}
