@testable import DNSLintModel
@testable import DNSLintReporting
@testable import DNSLintRules
import Testing

/// Policy as the configuration builds it: selectors (code, name, prefix), severities, path overrides, name ignores.
@Suite struct PolicyTests {
    let rules = RuleRegistry.all.map(\.metadata)
    var codes: [String] { rules.map(\.code) }

    func selectors(_ keys: [String]) -> [RuleSelector] { keys.compactMap { RuleSelector($0, rules: rules) } }

    func finding(_ code: String, path: String? = "zones/a.zone", line: Int = 3, subject: String? = nil) -> Finding {
        Finding(ruleCode: code, ruleName: "x", severity: .warning, message: "m",
                location: path.map { SourceLocation(path: $0, line: line) }, subject: subject.map { DNSSubject(name: $0) })
    }

    @Test func selectorsTakeCodesNamesAliasesAndPrefixes() throws {
        #expect(RuleSelector("DNS1001", rules: rules)?.codes == ["DNS1001"])
        #expect(RuleSelector("dns1001", rules: rules)?.codes == ["DNS1001"])
        #expect(RuleSelector("cname-chain-no-aaaa", rules: rules)?.codes == ["DNS1001"])
        #expect(RuleSelector("cname-chain-no-aaaa", rules: rules)?.isRule == true)
        let dns30 = try #require(RuleSelector("DNS30", rules: rules))
        #expect(dns30.codes == Set(codes.filter { $0.hasPrefix("DNS30") }))
        #expect(dns30.codes.contains("DNS3009") && dns30.codes.contains("DNS3010") && !dns30.codes.contains("DNS2001"))
        #expect(RuleSelector("DNS300", rules: rules)?.codes.contains("DNS3010") == false)
        #expect(dns30.isRule == false)
        #expect(RuleSelector("DNS", rules: rules)?.codes == Set(codes))
        #expect(RuleSelector("DNS9", rules: rules) == nil, "a prefix no rule has")
        #expect(RuleSelector("DNS1999", rules: rules) == nil)
        #expect(RuleSelector("banana", rules: rules) == nil)
    }

    @Test func selectKeepsOnlyWhatItNamesAndIgnoreTakesAway() {
        let enabled = RuleSelector.enabledCodes(codes, select: selectors(["DNS1", "DNS2005"]), ignore: selectors(["DNS1008"]))
        #expect(enabled.contains("DNS1001") && enabled.contains("DNS2005"))
        #expect(!enabled.contains("DNS1008"), "ignored")
        #expect(!enabled.contains("DNS2001") && !enabled.contains("DNS3001"), "not selected")
        #expect(RuleSelector.enabledCodes(codes, select: nil, ignore: []) == Set(codes), "no select: every rule")
        #expect(RuleSelector.enabledCodes(codes, select: nil, ignore: selectors(["DNS3"])) == Set(codes.filter { !$0.hasPrefix("DNS3") }))
    }

    @Test func theMoreSpecificSelectorDecidesAndIgnoreWinsATie() {
        let narrowSelect = RuleSelector.enabledCodes(codes, select: selectors(["DNS1001"]), ignore: selectors(["DNS1"]))
        #expect(narrowSelect == ["DNS1001"], "DNS1001 is more specific than the ignored DNS1")
        let narrowIgnore = RuleSelector.enabledCodes(codes, select: selectors(["DNS"]), ignore: selectors(["cname-chain-no-aaaa"]))
        #expect(!narrowIgnore.contains("DNS1001") && narrowIgnore.contains("DNS1002"))
        #expect(RuleSelector.enabledCodes(codes, select: selectors(["DNS1"]), ignore: selectors(["DNS1"])).isEmpty)
    }

    @Test func severitiesByPrefixYieldToWholeRulesWhateverTheOrder() {
        let entries = [(selectors(["DNS1001"])[0], Severity.error), (selectors(["DNS1"])[0], Severity.note)]
        for order in [entries, entries.reversed()] {
            let severities = RuleSelector.severities(Array(order))
            #expect(severities["DNS1001"] == .error)
            #expect(severities["DNS1002"] == .note)
            #expect(severities["DNS2001"] == nil)
        }
    }

    @Test func pathOverridesMatchPathsRelativeToTheConfigurationFolder() {
        var policy = Policy()
        // The configuration is in /project; dnslint runs in /project/sub, where findings name `zones/...`.
        policy.root = PolicyRoot(folder: "/project", workingDirectory: "/project/sub")
        policy.pathOverrides = [
            PathOverride(globs: [PathGlob("sub/zones/legacy/**")], disabled: ["DNS1001"], severities: ["DNS1002": .note]),
            PathOverride(globs: [PathGlob("sub/zones/legacy")], severities: ["DNS1008": .error]),
        ]
        let kept = policy.apply(to: [
            finding("DNS1001", path: "zones/legacy/a.zone"),
            finding("DNS1002", path: "zones/legacy/deeper/b.zone"),
            finding("DNS1008", path: "zones/legacy/a.zone"),
            finding("DNS1001", path: "zones/current.zone"),
            finding("DNS1001", path: "/elsewhere/zones/legacy/a.zone"),
            finding("DNS1001", path: nil),
        ])
        let summary = kept.map { "\($0.ruleCode) \($0.location?.path ?? "-") \($0.severity)" }
        #expect(summary.sorted() == [
            "DNS1001 - warning",
            "DNS1001 /elsewhere/zones/legacy/a.zone warning",
            "DNS1001 zones/current.zone warning",
            "DNS1002 zones/legacy/deeper/b.zone note",
            "DNS1008 zones/legacy/a.zone error",
        ])
    }

    @Test func aLaterOverrideWinsASeverity() {
        var policy = Policy()
        policy.root = PolicyRoot(folder: "/p", workingDirectory: "/p")
        policy.pathOverrides = [
            PathOverride(globs: [PathGlob("**/*.zone")], severities: ["DNS1001": .note]),
            PathOverride(globs: [PathGlob("zones/*.zone")], severities: ["DNS1001": .error]),
        ]
        #expect(policy.apply(to: [finding("DNS1001")]).map(\.severity) == [.error])
        #expect(policy.apply(to: [finding("DNS1001", path: "other/a.zone")]).map(\.severity) == [.note])
    }

    @Test func nameIgnoresDropOneRuleForOneNameWithoutCaseOrTrailingDot() {
        var policy = Policy()
        policy.nameIgnores = [NameIgnore(codes: ["DNS1001"], name: "API.Example.com", reason: "IPv4 only until Q3")]
        let kept = policy.apply(to: [
            finding("DNS1001", subject: "api.example.com."),
            finding("DNS1001", path: "names.txt", subject: "api.example.com"),
            finding("DNS1002", subject: "api.example.com."),
            finding("DNS1001", line: 4, subject: "www.api.example.com."),
            finding("DNS1001", line: 5),
        ])
        #expect(kept.map(\.ruleCode) == ["DNS1002", "DNS1001", "DNS1001"])
        #expect(!kept.contains { $0.ruleCode == "DNS1001" && $0.subject?.name == "api.example.com." })
    }

    @Test func anEmptyPolicyOnlySortsAndDeduplicates() {
        let findings = [finding("DNS1002", line: 9), finding("DNS1001", line: 2), finding("DNS1002", line: 9)]
        #expect(Policy().apply(to: findings).map(\.location?.line) == [2, 9])
    }

    @Test func globsMatchSegmentsAndLeaveHiddenFilesOut() {
        #expect(PathGlob("**/*.zone").matches("a.zone"))
        #expect(PathGlob("**/*.zone").matches("x/y/a.zone"))
        #expect(!PathGlob("**/*.zone").matches(".hidden/a.zone"))
        #expect(!PathGlob("*.zone").matches(".a.zone"))
        #expect(PathGlob(".github/*.yaml").matches(".github/ci.yaml"))
        #expect(PathGlob("zones/*.zone").matches("zones/a.zone"))
        #expect(!PathGlob("zones/*.zone").matches("zones/x/a.zone"))
        #expect(PathGlob("./zones/db.*").matches("zones/db.example"))
        #expect(PathGlob("zones/[ab]?.zone").matches("zones/b1.zone"))
        #expect(!PathGlob("zones/[!ab]?.zone").matches("zones/b1.zone"))
        #expect(PathGlob("zones/[a-c]*").matches("zones/cat"))
        #expect(PathGlob("legacy").covers("legacy/old/a.zone"))
        #expect(!PathGlob("legacy").matches("legacy/old/a.zone"))
        #expect(!PathGlob("legacy").covers("legacy-new/a.zone"))
        #expect(PathGlob("k8s/**").covers("k8s/a/b.yaml"))
        #expect(PathGlob("zones/**/*.zone").literalPrefix == ["zones"])
        #expect(!PathGlob("zones/a.zone").hasWildcards)
    }

    @Test func policyRootsResolveDotsAndStayInside() {
        let root = PolicyRoot(folder: "/repo/./cfg/", workingDirectory: "/repo/cfg/sub")
        #expect(root.folder == "/repo/cfg")
        #expect(root.relative("../zones/a.zone") == "zones/a.zone")
        #expect(root.relative("x.zone") == "sub/x.zone")
        #expect(root.relative("/repo/other/a.zone") == nil)
        #expect(root.relative("/repo/cfgx/a.zone") == nil)
    }
}
