@testable import DNSLintInputs
@testable import DNSLintModel
@testable import DNSLintRules
import Foundation
import LDNS
import Testing

/// DNS1007's live check on recorded answers, the cases the NSD test does not reach: NS and SOA roles, a target
/// below a DNAME, a target named twice, a target never asked, and zone audits left to the zone check.
@Suite struct TargetIsAliasRuleTests {
    /// The server `Query.answered` records its queries from.
    static let server = CaptureBuilder.server

    static func findings(_ queries: [CapturedQuery]) throws -> [Finding] {
        let name = CapturedName(name: "example.", server: server, source: CapturedSource(path: "names.txt", line: 3),
                                queries: queries)
        let view = LiveView(label: "server \(server)", mode: .recursive, names: [name])
        let check = try #require(TargetIsAlias().nameChecker(LintContext(options: LintOptions(), inputs: [], views: [view])))
        return check(view.audit(at: 0))
    }

    @Test func nsAndSOATargetsAndADNAME() throws {
        let found = try Self.findings([
            try Query.answered("example.", "A", answer: ["example. 300 IN A 192.0.2.1"]),
            try Query.answered("example.", "SOA", answer: ["example. 300 IN SOA ns.old.example. hostmaster.example. 1 7200 3600 1209600 300"]),
            // Named by two NS records' worth of answers: judged once.
            try Query.answered("example.", "NS", answer: ["example. 300 IN NS ns.old.example.", "example. 300 IN NS ns2.example."]),
            try Query.answered("ns.old.example.", "A", answer: ["old.example. 300 IN DNAME new.example.",
                                                                "ns.old.example. 300 IN CNAME ns.new.example.",
                                                                "ns.new.example. 300 IN A 192.0.2.53"]),
            try Query.answered("ns2.example.", "A", answer: ["ns2.example. 300 IN A 192.0.2.54"]),
        ])
        #expect(found.map(\.message) == [
            "The SOA MNAME of example. is ns.old.example., which the DNAME at old.example. redirects to ns.new.example. "
                + "from \(Self.server); SOA records must point at a host name, not an alias.",
            "The NS target of example. is ns.old.example., which the DNAME at old.example. redirects to ns.new.example. "
                + "from \(Self.server); NS records must point at a host name, not an alias.",
        ])
        #expect(found.allSatisfy { $0.location == SourceLocation(path: "names.txt", line: 3) })
        #expect(found.map { $0.subject?.type } == ["SOA", "NS"])
    }

    /// A target whose A was not recorded (a capture cut short, an older prober) is not judged: nothing says it is an alias.
    @Test func aTargetNeverAskedIsNotJudged() throws {
        let found = try Self.findings([
            try Query.answered("example.", "MX", answer: ["example. 300 IN MX 10 mail.example.", "example. 300 IN MX 20 mail.example."]),
        ])
        #expect(found.isEmpty)
    }

    /// Zone audits have no recorded queries: `check(_:)` judges the zone's own records, once.
    @Test func zoneAuditsAreLeftToTheZoneCheck() throws {
        let text = "$ORIGIN example.\n$TTL 300\n@ IN SOA ns1 h 1 2 3 4 5\n@ IN NS ns1\nns1 IN A 192.0.2.1\n@ IN MX 10 mail\nmail IN CNAME ns1\n"
        let folder = ScratchFolder()
        defer { folder.remove() }
        let read = try InputReader.read(paths: [try folder.write("example.zone", text)], options: LintOptions())
        let context = LintContext(options: LintOptions(), inputs: read.inputs, views: read.views)
        let view = try #require(read.views.first)
        let check = try #require(TargetIsAlias().nameChecker(context))
        #expect((0..<view.subjectCount).flatMap { check(view.audit(at: $0)) }.isEmpty)
        #expect(TargetIsAlias().check(context).map { $0.location?.line } == [6])
    }
}
