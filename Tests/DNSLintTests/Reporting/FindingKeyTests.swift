@testable import DNSLintModel
@testable import DNSLintReporting
import Foundation
import Testing

/// Baseline keys come from what a finding is about, never from its line number or its message.
@Suite struct FindingKeyTests {
    let folder = ScratchFolder()

    func keys() -> FindingKeys { FindingKeys(root: RepositoryRoot(workingDirectory: folder.path)) }

    func zoneFinding(_ code: String = "DNS1003", line: Int = 3, name: String = "web.example.com.", message: String = "m") -> Finding {
        Finding(ruleCode: code, ruleName: "x", severity: .error, message: message,
                location: SourceLocation(path: folder.url.appendingPathComponent("example.com.zone").path, line: line),
                subject: DNSSubject(name: name, type: "CNAME"))
    }

    @Test func aRewordedMessageKeepsTheKey() throws {
        defer { folder.remove() }
        _ = try folder.write("example.com.zone", "$ORIGIN example.com.\n$TTL 300\nweb IN CNAME nowhere\n")
        let keys = keys()
        let before = zoneFinding(message: "web.example.com. is an alias of nowhere.example.com., which does not exist (2 clients).")
        let after = zoneFinding(message: "The alias web.example.com. points at a missing name; musl clients (web; api) fail.")
        #expect(keys.key(before) == keys.key(after))
    }

    @Test func theRecordTextIsNormalisedNotCompared() throws {
        defer { folder.remove() }
        _ = try folder.write("example.com.zone", "$ORIGIN example.com.\n$TTL 300\nweb IN CNAME nowhere\n")
        let first = keys().key(zoneFinding())
        _ = try folder.write("example.com.zone", "$ORIGIN example.com.\n$TTL 300\n; moved\nWEB   in\tCNAME nowhere ; a comment\n")
        #expect(keys().key(zoneFinding(line: 4)) == first, "case, spacing and the comment are not the record")
        _ = try folder.write("example.com.zone", "$ORIGIN example.com.\n$TTL 300\n; moved\nweb IN CNAME elsewhere\n")
        #expect(keys().key(zoneFinding(line: 4)) != first, "other record data is another finding")
    }

    @Test func rulePathSubjectAndDirectiveTellFindingsApart() throws {
        defer { folder.remove() }
        _ = try folder.write("example.com.zone", "$ORIGIN example.com.\n$TTL 300\nweb IN CNAME nowhere\n")
        let keys = keys()
        let base = zoneFinding()
        var otherRule = base
        otherRule.ruleCode = "DNS1004"
        var otherName = base
        otherName.subject = DNSSubject(name: "api.example.com.", type: "CNAME")
        var otherFile = base
        otherFile.location?.path = folder.url.appendingPathComponent("other.zone").path
        var inCorefile = base
        inCorefile.directive = ".:53 > forward"
        var otherDirective = base
        otherDirective.directive = ".:53 > cache"
        let all = [base, otherRule, otherName, otherFile, inCorefile, otherDirective].map(keys.key)
        #expect(Set(all).count == all.count, "\(all)")
    }

    /// The same rule, name, type and server is the same live finding, whichever names file or line listed it.
    @Test func liveKeysAreRuleNameTypeAndServer() {
        let keys = FindingKeys(root: RepositoryRoot(workingDirectory: "/tmp"))
        func live(_ line: Int, _ path: String, server: String = "10.0.0.10:53") -> Finding {
            Finding(ruleCode: "DNS1001", ruleName: "x", severity: .error, message: "\(line)", location: SourceLocation(path: path, line: line),
                    subject: DNSSubject(name: "api.example.com.", type: "AAAA", server: server))
        }
        #expect(keys.key(live(2, "a.names")) == keys.key(live(40, "b.names")))
        #expect(keys.key(live(2, "a.names")) != keys.key(live(2, "a.names", server: "10.0.0.11:53")))
    }

    /// A baseline is a multiset: two findings with one key accept two, and a third with that key is new.
    @Test func equalKeysAreCounted() throws {
        defer { folder.remove() }
        _ = try folder.write("example.com.zone", "$ORIGIN example.com.\n$TTL 300\nweb IN CNAME nowhere\n")
        let keys = keys()
        let finding = zoneFinding()
        let baseline = Baseline(findings: [finding, finding], keys: keys)
        let (new, accepted) = baseline.newFindings(in: [finding, finding, finding], keys: keys)
        #expect(accepted == 2)
        #expect(new.count == 1)
    }

    /// SARIF fingerprints read lines within the cap the report carries (the run's --max-file-bytes), whoever
    /// renders it: the cap is the report's, not a second copy in the reporters' context.
    @Test func sarifFingerprintsReadLinesWithinTheReportsCap() throws {
        defer { folder.remove() }
        _ = try folder.write("example.com.zone", "$ORIGIN example.com.\n$TTL 300\nweb IN CNAME nowhere\n" + String(repeating: ";\n", count: 600))
        let finding = zoneFinding()
        var report = LintReport(findings: [finding], filesChecked: 1)
        report.maxFileBytes = 1024
        let context = ReportContext(rules: [], workingDirectory: folder.path)
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(Reporters.render(report, as: .sarif, context: context).utf8)) as? [String: Any])
        let result = try #require(((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
        let fingerprint = (result["partialFingerprints"] as? [String: String])?[SARIFReporter.fingerprintName]
        let root = RepositoryRoot(workingDirectory: folder.path)
        #expect(fingerprint == FindingKeys(root: root, maxFileBytes: 1024).key(finding), "the line is not read: the file is over the cap")
        #expect(fingerprint != FindingKeys(root: root).key(finding))
    }
}
