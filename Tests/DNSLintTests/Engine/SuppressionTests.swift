@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintReporting
@testable import DNSLintRules
import Foundation
import Testing

/// One kind of input file with a line a rule fires on, and a `{S}` line right above it for a suppression.
struct SuppressionCase: Sendable, CustomTestStringConvertible {
    var file: String
    var comment: String
    var code: String
    var name: String
    var template: String
    var testDescription: String { file }

    static let all = [
        SuppressionCase(file: "example.com.zone", comment: ";", code: "DNS1008", name: "rrset-ttl-inconsistent", template: """
            $ORIGIN example.com.
            @   3600 IN SOA ns1 hostmaster 1 7200 3600 1209600 300
            @   3600 IN NS  ns1
            ns1 3600 IN A   192.0.2.1
            www 300  IN A   192.0.2.10
            {S}
            www 600  IN A   192.0.2.11

            """),
        SuppressionCase(file: "Corefile", comment: "#", code: "DNS2005", name: "forward-passes-truncation", template: """
            .:53 {
                errors
                {S}
                forward . 192.0.2.53
                loop
                cache 30
            }

            """),
        SuppressionCase(file: "resolv.conf", comment: "#", code: "DNS3001", name: "ndots-amplification", template: """
            nameserver 192.0.2.53
            search a.example b.example
            {S}
            options ndots:3 single-request-reopen

            """),
        SuppressionCase(file: "coredns.yaml", comment: "#", code: "DNS2005", name: "forward-passes-truncation", template: """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: coredns
              namespace: kube-system
            data:
              Corefile: |
                .:53 {
                    errors
                    {S}
                    forward . 192.0.2.53
                    loop
                    cache 30
                }

            """),
        SuppressionCase(file: "pod.yaml", comment: "#", code: "DNS3001", name: "ndots-amplification", template: """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              namespace: shop
            spec:
              dnsConfig:
                options:
                {S}
                - name: ndots
                  value: "5"
              containers:
              - name: web
                image: nginx

            """),
    ]

    /// The line of `{S}`; the rule fires on the next one.
    var suppressionLine: Int { template.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("{S}") }! + 1 }

    /// The file with `directive` (after the comment character) in place of `{S}`, and `trailer` lines at the end.
    func text(_ directive: String?, trailer: String? = nil) -> String {
        let line = directive.map { "\(comment) dnslint: \($0)" } ?? ""
        return template.replacingOccurrences(of: "{S}", with: line) + (trailer.map { "\(comment) dnslint: \($0)\n" } ?? "")
    }

    /// Lints the file alone in a scratch folder; findings as `LINE CODE` (suppression problems with their kind).
    func lint(_ text: String, policy: Policy = Policy()) throws -> [String] {
        let folder = ScratchFolder()
        defer { folder.remove() }
        try folder.write(file, text)
        let findings = try Lint.report([folder.path], options: LintOptions(), policy: policy).findings
        return findings.map { finding in
            var entry = "\(finding.location?.line ?? 0) \(finding.ruleCode)"
            if case .string(let problem) = finding.arguments["problem"] { entry += " \(problem)" }
            return entry
        }
    }
}

/// Every suppression form in every kind of input: used, unused, without a reason, naming an unknown rule, file-wide.
@Suite struct SuppressionTests {
    @Test(arguments: SuppressionCase.all)
    func withoutASuppressionTheRuleFires(_ item: SuppressionCase) throws {
        #expect(try item.lint(item.text(nil)).contains("\(item.suppressionLine + 1) \(item.code)"))
        #expect(!(try item.lint(item.text(nil))).contains { $0.contains("DNS0006") })
    }

    @Test(arguments: SuppressionCase.all)
    func aSuppressionWithAReasonDropsTheFindingOnTheNextLine(_ item: SuppressionCase) throws {
        let plain = try item.lint(item.text(nil))
        let suppressed = try item.lint(item.text("disable-next-line \(item.code) -- reviewed, intended"))
        #expect(suppressed == plain.filter { $0 != "\(item.suppressionLine + 1) \(item.code)" })
        let byName = try item.lint(item.text("disable-next-line \(item.name), DNS1001 -- reviewed"))
        #expect(!byName.contains("\(item.suppressionLine + 1) \(item.code)"), "a rule name works like its code")
        #expect(byName.contains("\(item.suppressionLine) DNS0006 unused"), "DNS1001 matched nothing: \(byName)")
    }

    /// A file with CR LF line ends (a Windows editor) is suppressed line by line as with LF: its lines were
    /// once read as one, so the comment targeted a line past the end and was reported unused.
    @Test(arguments: SuppressionCase.all)
    func crLFFilesAreSuppressedLikeLFFiles(_ item: SuppressionCase) throws {
        let crlf = { (text: String) in text.replacingOccurrences(of: "\n", with: "\r\n") }
        let plain = try item.lint(crlf(item.text(nil)))
        #expect(plain.contains("\(item.suppressionLine + 1) \(item.code)"), "\(plain)")
        let suppressed = try item.lint(crlf(item.text("disable-next-line \(item.code) -- reviewed, intended")))
        #expect(suppressed == plain.filter { $0 != "\(item.suppressionLine + 1) \(item.code)" })
    }

    @Test(arguments: SuppressionCase.all)
    func anUnusedSuppressionIsReportedAtTheComment(_ item: SuppressionCase) throws {
        let findings = try item.lint(item.text("disable-next-line DNS1001 -- stale"))
        #expect(findings.contains("\(item.suppressionLine + 1) \(item.code)"))
        #expect(findings.filter { $0.contains("DNS0006") } == ["\(item.suppressionLine) DNS0006 unused"])
    }

    @Test(arguments: SuppressionCase.all)
    func aSuppressionWithoutAReasonIsReportedAndNotApplied(_ item: SuppressionCase) throws {
        for directive in ["disable-next-line \(item.code)", "disable-next-line \(item.code) --", "disable-next-line \(item.code) --  "] {
            let findings = try item.lint(item.text(directive))
            #expect(findings.contains("\(item.suppressionLine + 1) \(item.code)"), "\(directive)")
            #expect(findings.filter { $0.contains("DNS0006") } == ["\(item.suppressionLine) DNS0006 missing-reason"], "\(directive)")
        }
    }

    @Test(arguments: SuppressionCase.all)
    func anUnknownRuleOrDirectiveIsReported(_ item: SuppressionCase) throws {
        let unknownRule = try item.lint(item.text("disable-next-line DNS9999 -- typo"))
        #expect(unknownRule.contains("\(item.suppressionLine + 1) \(item.code)"))
        #expect(unknownRule.filter { $0.contains("DNS0006") } == ["\(item.suppressionLine) DNS0006 unknown-rule"])
        let mixed = try item.lint(item.text("disable-next-line \(item.code) DNS9999 -- one typo"))
        #expect(!mixed.contains("\(item.suppressionLine + 1) \(item.code)"), "the known rule is still suppressed")
        #expect(mixed.filter { $0.contains("DNS0006") } == ["\(item.suppressionLine) DNS0006 unknown-rule"])
        let directive = try item.lint(item.text("disable-line \(item.code) -- not a directive"))
        #expect(directive.contains("\(item.suppressionLine + 1) \(item.code)"))
        #expect(directive.filter { $0.contains("DNS0006") } == ["\(item.suppressionLine) DNS0006 malformed"])
    }

    @Test(arguments: SuppressionCase.all)
    func disableFileCoversTheWholeFileFromAnywhereInIt(_ item: SuppressionCase) throws {
        let plain = try item.lint(item.text(nil))
        let lastLine = item.text(nil).split(separator: "\n", omittingEmptySubsequences: false).count
        let covered = try item.lint(item.text(nil, trailer: "disable-file \(item.code) -- generated, owned elsewhere"))
        #expect(covered == plain.filter { !$0.hasSuffix(" \(item.code)") })
        let stale = try item.lint(item.text(nil, trailer: "disable-file DNS1001 -- stale"))
        #expect(stale.contains("\(item.suppressionLine + 1) \(item.code)"))
        #expect(stale.filter { $0.contains("DNS0006") } == ["\(lastLine) DNS0006 unused"])
    }
}

/// Suppressions and the rest of the run: includes, the policy, DNS0006 itself, a run cut short.
@Suite struct SuppressionEngineTests {
    let zone = SuppressionCase.all[0]

    @Test func aSuppressionInAnIncludedZoneAppliesThere() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("""
            $ORIGIN example.com.
            @   3600 IN SOA ns1 hostmaster 1 7200 3600 1209600 300
            @   3600 IN NS  ns1
            ns1 3600 IN A   192.0.2.1
            $INCLUDE hosts.inc

            """.utf8).write(to: folder.appendingPathComponent("example.com.zone"))
        let included = folder.appendingPathComponent("hosts.inc")
        try Data("www 300 IN A 192.0.2.10\n; dnslint: disable-next-line DNS1008 -- migration\nwww 600 IN A 192.0.2.11\n".utf8).write(to: included)
        let zonePath = folder.appendingPathComponent("example.com.zone").path
        #expect(try Lint.paths([zonePath]).isEmpty)
        try Data("www 300 IN A 192.0.2.10\n; dnslint: disable-next-line DNS1001 -- stale\nwww 600 IN A 192.0.2.11\n".utf8).write(to: included)
        let findings = try Lint.paths([zonePath])
        #expect(findings.map { "\($0.location?.path ?? "") \($0.location?.line ?? 0) \($0.ruleCode)" }.sorted()
                == ["\(included.path) 2 DNS0006", "\(included.path) 3 DNS1008"])
    }

    @Test func aRuleTurnedOffIsNotCalledUnused() throws {
        let findings = try zone.lint(zone.text("disable-next-line DNS1008 -- migration"), policy: Policy(disabled: ["DNS1008"]))
        #expect(findings.isEmpty)
    }

    @Test func withDNS0006OffSuppressionsStillApply() throws {
        let policy = Policy(disabled: ["DNS0006"])
        #expect(try zone.lint(zone.text("disable-next-line DNS1008 -- migration"), policy: policy).isEmpty)
        #expect(try zone.lint(zone.text("disable-next-line DNS1001 -- stale"), policy: policy) == ["7 DNS1008"])
    }

    @Test func dns0006CanBeSuppressedLikeAnyRule() throws {
        let fileWide = try zone.lint(zone.text("disable-next-line DNS1001 -- stale", trailer: "disable-file DNS0006 -- cleanup later"))
        #expect(fileWide == ["7 DNS1008"])
        let text = zone.text("disable-next-line DNS1001 -- stale")
            .replacingOccurrences(of: "; dnslint: disable-next-line DNS1001", with: "; dnslint: disable-next-line DNS0006 -- kept for the audit\n; dnslint: disable-next-line DNS1001")
        #expect(try zone.lint(text) == ["8 DNS1008"], "the DNS0006 suppression reaches the comment right below it")
    }

    @Test func unusedSuppressionsAreNotReportedForARunCutShort() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("example.com.zone")
        try Data(zone.text("disable-next-line DNS1001 -- stale", trailer: "disable-file DNS9999 -- typo").utf8).write(to: file)
        let suppressions = InlineSuppressions(files: [file.path], rules: RuleRegistry.all.map(\.metadata), keep: 1 << 16) { path in
            LineReader(path: path, limit: .max)
        }
        var findings: [Finding] = []
        let cutShort = suppressions.apply(to: &findings, notRun: [], selfCode: "DNS0006", reportUnused: false)
        #expect(cutShort.map(\.kind) == [.unknownRules(["DNS9999"])], "what is wrong with the comment itself is still said")
        let complete = suppressions.apply(to: &findings, notRun: [], selfCode: "DNS0006")
        #expect(complete.count == 2)
    }

    @Test func filesWithoutSuppressionsGiveTheSameFindings() throws {
        let plain = try zone.lint(zone.text(nil))
        let commented = try zone.lint(zone.text(nil).replacingOccurrences(of: "\n\n", with: "\n; just a comment about dnslint\n"))
        #expect(plain == commented)
    }
}
