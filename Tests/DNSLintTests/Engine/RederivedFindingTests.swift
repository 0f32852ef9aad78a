import DNSLintModel
import DNSLintReporting
import DNSLintRules
import Foundation
import Testing

/// A zone's name-rule findings are kept compact and made again when read: they must read, compare, sort and
/// change exactly as the findings the rules made in the first place.
@Suite struct RederivedFindingTests {
    /// Every shipped rule example and example project, judged once over its zones as they are (findings kept
    /// compact) and once over the same zones behind a view that keeps findings whole.
    @Test func compactFindingsReadAsTheOnesTheRulesMade() throws {
        let root = TestPaths.packageRoot
        let examples = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("rules/examples").path)
            .sorted().filter { $0.hasPrefix("DNS") }.flatMap { rule in
                let folder = root.appendingPathComponent("rules/examples/\(rule)")
                return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map { folder.appendingPathComponent($0).path }
            } + [root.appendingPathComponent("examples").path]
        var compactSeen = 0
        var compactCodes: Set<String> = []
        for path in examples {
            let (compact, whole) = try Self.judge([path])
            compactSeen += compact.filter(\.isKeptCompact).count
            compactCodes.formUnion(compact.filter(\.isKeptCompact).map(\.ruleCode))
            #expect(whole.allSatisfy { !$0.isKeptCompact }, "\(path)")
            #expect(compact == whole, "\(path)")
            #expect(compact.map { $0.resolved().message } == whole.map(\.message), "\(path)")
            #expect(compact.map { $0.resolved().related } == whole.map(\.related), "\(path)")
        }
        #expect(compactSeen > 20, "the examples' zones have name-rule findings to keep compact")
        // Rules that combine a zone with Corefiles or manifests keep theirs whole (their checks are dear to
        // run again, and many names' findings share one Corefile line).
        let combined = Set(RuleRegistry.all.filter { !Set($0.metadata.inputs).isSubset(of: [.zone, .live]) }.map(\.metadata.code))
        #expect(compactCodes.isDisjoint(with: combined), "\(compactCodes.intersection(combined).sorted())")
    }

    @Test func policySeveritiesKeepThemCompact() throws {
        let zone = try Self.zoneWithMismatches()
        defer { zone.remove() }
        var policy = Policy()
        policy.severities = ["DNS1002": .error]
        let (compact, whole) = try Self.judge([zone.path], policy: policy)
        let mismatches = compact.withCode("DNS1002")
        #expect(mismatches.count == 4)
        #expect(mismatches.allSatisfy { $0.isKeptCompact && $0.severity == .error && $0.resolved().severity == .error })
        #expect(compact == whole)
    }

    @Test func nameIgnoresDropCompactFindingsByTheirSubject() throws {
        let zone = try Self.zoneWithMismatches()
        defer { zone.remove() }
        var policy = Policy()
        policy.nameIgnores = [NameIgnore(codes: ["DNS1002"], name: "b.example.test", reason: "accepted")]
        let (compact, whole) = try Self.judge([zone.path], policy: policy)
        #expect(compact.withCode("DNS1002").map { $0.resolved().subject?.name ?? "" } == ["a.example.test.", "alias.example.test.", "c.example.test."])
        #expect(compact == whole)
    }

    @Test func changingTheTextMakesItWholeFirst() throws {
        let zone = try Self.zoneWithMismatches()
        defer { zone.remove() }
        let (compact, whole) = try Self.judge([zone.path])
        var changed = try #require(compact.withCode("DNS1002").first)
        let original = changed
        changed.message += " Changed."
        #expect(!changed.isKeptCompact)
        #expect(changed.message == (whole.withCode("DNS1002").first?.message ?? "") + " Changed.")
        #expect(changed.related == original.related && changed.arguments == original.arguments)
        #expect(original.isKeptCompact, "the copy taken before the change stays as it was")
    }

    /// One file included under two origins: its findings tie on place and rule and sort on by subject,
    /// which compact findings give only when made whole; the sort keeps them whole from then on.
    @Test func findingsTiedOnPlaceSortBySubjectAsWholeOnesDo() throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        try folder.write("hosts.inc", "www 300 IN A 192.0.2.2\nwww 3600 IN AAAA 2001:db8::2\nmail 60 IN A 192.0.2.3\nmail 3600 IN AAAA 2001:db8::3\n")
        let zone = try folder.write("example.test.zone", """
            $ORIGIN example.test.
            $TTL 3600
            @ IN SOA ns1 hostmaster 1 7200 3600 1209600 300
            @ IN NS ns1
            ns1 IN A 192.0.2.1
            $INCLUDE hosts.inc b.example.test.
            $INCLUDE hosts.inc a.example.test.

            """)
        let (compact, whole) = try Self.judge([zone])
        let mismatches = compact.withCode("DNS1002")
        #expect(mismatches.count == 4 && mismatches.allSatisfy { !$0.isKeptCompact })
        #expect(mismatches.map { $0.resolved().subject?.name ?? "" }
                == ["www.a.example.test.", "www.b.example.test.", "mail.a.example.test.", "mail.b.example.test."])
        #expect(compact == whole)
    }

    /// Names whose A and AAAA TTLs differ (DNS1002): a, b, c and the alias that reaches c.
    static func zoneWithMismatches() throws -> ScratchFolder {
        let folder = ScratchFolder()
        try folder.write("example.test.zone", """
            $ORIGIN example.test.
            $TTL 3600
            @ IN SOA ns1 hostmaster 1 7200 3600 1209600 300
            @ IN NS ns1
            ns1 IN A 192.0.2.1
            ns1 IN AAAA 2001:db8::1
            a 300 IN A 192.0.2.2
            a IN AAAA 2001:db8::2
            b 60 IN A 192.0.2.3
            b IN AAAA 2001:db8::3
            alias IN CNAME c
            c 120 IN A 192.0.2.4
            c IN AAAA 2001:db8::4

            """)
        return folder
    }

    /// The findings of `paths` as `dnslint check` reports them, and the same with every view keeping its findings whole.
    static func judge(_ paths: [String], policy: Policy = Policy()) throws -> (compact: [Finding], whole: [Finding]) {
        (try Lint.report(paths, options: LintOptions(), policy: policy).findings,
         try Lint.reportKeepingFindingsWhole(paths, policy: policy).findings)
    }
}
