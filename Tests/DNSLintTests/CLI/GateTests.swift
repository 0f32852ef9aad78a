import Foundation
import Testing

/// The CI gate as a team uses it: accept today's findings, fail only on new ones.
@Suite struct GateTests {
    static let zone = """
        $ORIGIN example.com.
        $TTL 300
        @   IN SOA ns1 hostmaster 1 7200 3600 1209600 300
        @   IN NS  ns1
        ns1 IN A   192.0.2.1
        api IN CNAME lb
        lb  IN A   192.0.2.10

        """

    func dnslint(_ arguments: [String], in folder: URL) throws -> CommandResult {
        try runCommand(TestPaths.binary, arguments, in: folder)
    }

    func git(_ arguments: [String], in folder: URL) throws {
        let result = try runCommand(URL(fileURLWithPath: "/usr/bin/env"),
                                    ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"] + arguments, in: folder)
        #expect(result.status == 0, "git \(arguments): \(result.stderr)")
    }

    @Test func baselineSurvivesAnEditAboveTheOldFinding() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let zone = folder.appendingPathComponent("example.com.zone")
        try Data(Self.zone.utf8).write(to: zone)
        let write = try dnslint(["check", "example.com.zone", "--write-baseline", "baseline.json"], in: folder)
        #expect(write.status == 0, "\(write.stderr)")
        #expect(write.stderr == "dnslint: wrote 1 finding to baseline.json\n")
        #expect(try dnslint(["check", "example.com.zone", "--baseline", "baseline.json"], in: folder).status == 0)

        // Lines move (a record above the old finding) and a new broken alias arrives.
        let edited = Self.zone.replacingOccurrences(of: "ns1 IN A   192.0.2.1\n", with: "ns1 IN A   192.0.2.1\nmx1 IN A   192.0.2.25\n")
            + "web IN CNAME nowhere\n"
        try Data(edited.utf8).write(to: zone)
        let gated = try dnslint(["check", "example.com.zone", "--baseline", "baseline.json", "--format", "json"], in: folder)
        #expect(gated.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(gated.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.compactMap { ($0["subject"] as? [String: Any])?["name"] as? String } == ["web.example.com."],
                "only the new alias: \(findings.map { $0["message"] ?? "" })")
        #expect((report["summary"] as? [String: Any])?["baselined"] as? Int == 1)
    }

    static let configMap = ManifestBuilder.corefileConfigMap(".:53 {\n    errors\n    forward . 8.8.8.8\n    cache 30\n}\n").yaml

    static func alpineDeployment(_ name: String) -> String {
        ManifestBuilder.deployment(name, namespace: "shop", .running("alpine:3.16", name: name)).yaml
    }

    func findings(_ result: CommandResult) throws -> [[String: Any]] {
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
        return try #require(report["findings"] as? [[String: Any]])
    }

    /// DNS2005's message lists the musl clients; a second Alpine Deployment in another file changes the message,
    /// not the finding, so the baseline still accepts it.
    @Test func anEditInAnotherFileDoesNotResurrectABaselinedFinding() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("k8s"), withIntermediateDirectories: true)
        try Data(Self.configMap.utf8).write(to: folder.appendingPathComponent("k8s/coredns.yaml"))
        try Data(Self.alpineDeployment("web").utf8).write(to: folder.appendingPathComponent("k8s/web.yaml"))
        let flags = ["--coredns-version", "1.11.1", "--fail-on", "warning"]
        let before = try dnslint(["check", "k8s", "--format", "json"] + flags, in: folder)
        let dns2005 = try findings(before).filter { $0["rule"] as? String == "DNS2005" }
        #expect(dns2005.count == 1 && (dns2005.first?["message"] as? String)?.contains("Deployment shop/web") == true)
        #expect(try dnslint(["check", "k8s", "--write-baseline", "baseline.json"] + flags, in: folder).status == 0)

        try Data(Self.alpineDeployment("api").utf8).write(to: folder.appendingPathComponent("k8s/api.yaml"))
        let after = try dnslint(["check", "k8s", "--format", "json"] + flags, in: folder)
        let changed = try findings(after).first { $0["rule"] as? String == "DNS2005" }
        #expect((changed?["message"] as? String)?.contains("Deployment shop/api") == true, "the message did change")
        let gated = try dnslint(["check", "k8s", "--baseline", "baseline.json", "--format", "json"] + flags, in: folder)
        let new = try findings(gated)
        #expect(!new.contains { $0["rule"] as? String == "DNS2005" }, "\(new.map { $0["message"] ?? "" })")
        #expect(new.allSatisfy { ($0["location"] as? [String: Any])?["path"] as? String == "k8s/api.yaml" },
                "only the new Deployment's own findings: \(new.map { $0["message"] ?? "" })")
    }

    /// Each finding's SARIF fingerprint, by rule and subject, with the line it is on.
    func fingerprints(_ sarif: URL) throws -> [String: (fingerprint: String, line: Int)] {
        let log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: sarif)) as? [String: Any])
        let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        var found: [String: (String, Int)] = [:]
        for result in results {
            let name = ((result["locations"] as? [[String: Any]])?.first?["logicalLocations"] as? [[String: Any]])?.first?["fullyQualifiedName"] as? String
            let region = (((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any])
            let id = "\(result["ruleId"] as? String ?? "") \(name ?? "")"
            #expect(found[id] == nil, "one finding per rule and subject in this fixture: \(id)")
            found[id] = ((result["partialFingerprints"] as? [String: String])?["dnslint/v3"] ?? "", region?["startLine"] as? Int ?? 0)
        }
        return found
    }

    @Test func partialFingerprintsStayEqualAcrossALineMove() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let zone = folder.appendingPathComponent("example.com.zone")
        let corefile = folder.appendingPathComponent("Corefile")
        let plugins = "    errors\n    forward . 8.8.8.8\n    cache 30\n"
        try Data((Self.zone + "web IN CNAME nowhere\n").utf8).write(to: zone)
        try Data(".:53 {\n\(plugins)}\n".utf8).write(to: corefile)
        #expect(try dnslint(["check", ".", "--format", "sarif", "--output", "before.sarif"], in: folder).status == 1)

        try Data(("; moved down\n\n" + Self.zone.replacingOccurrences(of: "api IN CNAME lb", with: "api   IN   CNAME lb ; note") + "web IN CNAME nowhere\n").utf8).write(to: zone)
        // A Corefile finding is keyed by its directive path: a second upstream on the forward line keeps it.
        let morePlugins = plugins.replacingOccurrences(of: "8.8.8.8", with: "8.8.8.8 8.8.4.4")
        try Data("# moved\n.:53 {\n    log\n\(morePlugins)}\n".utf8).write(to: corefile)
        #expect(try dnslint(["check", ".", "--format", "sarif", "--output", "after.sarif"], in: folder).status == 1)

        let before = try fingerprints(folder.appendingPathComponent("before.sarif"))
        let after = try fingerprints(folder.appendingPathComponent("after.sarif"))
        #expect(before.count >= 3 && Set(before.keys) == Set(after.keys), "\(before.keys) \(after.keys)")
        for (id, old) in before {
            let new = try #require(after[id])
            #expect(new.line != old.line, "\(id) moved")
            #expect(new.fingerprint == old.fingerprint && !old.fingerprint.isEmpty, "\(id)")
        }
    }

    @Test func aBaselineOfTheOldKeysIsAUsageErrorNamingIt() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.zone.utf8).write(to: folder.appendingPathComponent("example.com.zone"))
        try Data("{\"format\": \"dnslint-baseline\", \"version\": 1, \"findings\": []}".utf8).write(to: folder.appendingPathComponent("old.json"))
        let result = try dnslint(["check", "example.com.zone", "--baseline", "old.json"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("dnslint: old.json: a version 1 baseline") && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }

    /// Live findings are keyed by rule, name, type and server: a re-graded capture is fully accepted by its baseline.
    @Test func liveFindingsHaveBaselinesToo() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let capture = try #require(try FileManager.default.contentsOfDirectory(atPath: TestPaths.packageRoot.appendingPathComponent("rules/examples/DNS1014/triggering-2").path)
            .first { $0.hasSuffix(".capture.json") })
        let path = "rules/examples/DNS1014/triggering-2/" + capture
        let baseline = folder.appendingPathComponent("live-baseline.json").path
        let root = TestPaths.packageRoot
        #expect(try runCommand(TestPaths.binary, ["analyze", path], in: root).status == 1)
        #expect(try runCommand(TestPaths.binary, ["analyze", path, "--write-baseline", baseline], in: root).status == 0)
        let gated = try runCommand(TestPaths.binary, ["analyze", path, "--baseline", baseline, "--format", "json"], in: root)
        #expect(gated.status == 0, "\(gated.stderr)")
        #expect(gated.stdout.contains("\"findings\": []"))
    }

    @Test func aBrokenBaselineIsAUsageError() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.zone.utf8).write(to: folder.appendingPathComponent("example.com.zone"))
        try Data("{}".utf8).write(to: folder.appendingPathComponent("baseline.json"))
        let result = try dnslint(["check", "example.com.zone", "--baseline", "baseline.json"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("baseline.json: not a dnslint baseline"))
    }

    @Test func newSinceReportsOnlyWhatTheChangeIntroduced() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let zones = folder.appendingPathComponent("dns/zones")
        try FileManager.default.createDirectory(at: zones, withIntermediateDirectories: true)
        try Data(Self.zone.utf8).write(to: zones.appendingPathComponent("example.com.zone"))
        try git(["init", "-q", "-b", "main"], in: folder)
        try git(["add", "."], in: folder)
        try git(["commit", "-q", "-m", "zone with one old finding"], in: folder)
        let edited = "; a comment that moves every line\n" + Self.zone + "web IN CNAME nowhere\n"
        try Data(edited.utf8).write(to: zones.appendingPathComponent("example.com.zone"))

        // From a subfolder, as a CI step with working-directory: dns might run it.
        let sub = folder.appendingPathComponent("dns")
        let result = try dnslint(["check", "zones", "--new-since", "HEAD", "--format", "json"], in: sub)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.compactMap { ($0["subject"] as? [String: Any])?["name"] as? String } == ["web.example.com."])
        #expect(result.status == 1)

        let bad = try dnslint(["check", "zones", "--new-since", "no-such-rev"], in: sub)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--new-since no-such-rev: not a commit"))
    }

    /// `dnslint check .` in `dns/zones` of a git checkout at `folder`, writing `out.sarif` at its top.
    func sarifFromASubfolder(of folder: URL) throws -> URL {
        let zones = folder.appendingPathComponent("dns/zones")
        try FileManager.default.createDirectory(at: zones, withIntermediateDirectories: true)
        try Data((Self.zone + "web IN CNAME nowhere\n").utf8).write(to: zones.appendingPathComponent("example.com.zone"))
        try git(["init", "-q"], in: folder)
        let result = try dnslint(["check", ".", "--format", "sarif", "--output", "../../out.sarif"], in: zones)
        #expect(result.status == 1, "\(result.stderr)")
        return folder.appendingPathComponent("out.sarif")
    }

    @Test func sarifURIsAreRepositoryRelativeFromASubfolder() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sarif = try sarifFromASubfolder(of: folder)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: sarif)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let base = (run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any]
        #expect((base?["uri"] as? String)?.hasSuffix(folder.lastPathComponent + "/") == true)
        let results = try #require(run["results"] as? [[String: Any]])
        let artifact = ((results.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any]
        #expect(artifact?["uri"] as? String == "dns/zones/example.com.zone")
        #expect(artifact?["uriBaseId"] as? String == "%SRCROOT%")
    }

    @Test(.needsShared) func sarifFromASubfolderPassesTheGitHubValidator() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sarif = try sarifFromASubfolder(of: folder)
        let tool = try #require(TestPaths.shared).appendingPathComponent("tools/validate-sarif")
        let validation = try runCommand(URL(fileURLWithPath: "/usr/bin/env"), ["python3", tool.path, sarif.path])
        #expect(validation.status == 0, "\(validation.stdout)\(validation.stderr)")
    }

    @Test func junitIsWellFormedWithOneCasePerFinding() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data((Self.zone + "web IN CNAME nowhere\n").utf8).write(to: folder.appendingPathComponent("example.com.zone"))
        let result = try dnslint(["check", "example.com.zone", "--format", "junit", "--output", "junit.xml"], in: folder)
        #expect(result.status == 1)
        let check = """
            import sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            cases = root.findall('.//testcase')
            print(root.tag, root.get('tests'), root.get('failures'), len(cases), len(root.findall('.//failure')))
            """
        let parsed = try runCommand(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", check, folder.appendingPathComponent("junit.xml").path])
        let fields = parsed.stdout.split(whereSeparator: \.isWhitespace).map(String.init)
        #expect(fields.first == "testsuites", "\(parsed.stderr)")
        #expect(fields.count == 5 && fields[1] == fields[3] && fields[2] == fields[4] && Int(fields[2]) ?? 0 >= 2, "\(parsed.stdout)")

        try Data(Self.zone.replacingOccurrences(of: "api IN CNAME lb\n", with: "").utf8).write(to: folder.appendingPathComponent("example.com.zone"))
        let clean = try dnslint(["check", "example.com.zone", "--format", "junit"], in: folder)
        #expect(clean.status == 0)
        #expect(clean.stdout.contains("name=\"1 file checked: no problems found\""), "\(clean.stdout)")
    }

    /// Test case names carry no line number (dashboards track cases by name across runs); the line is in the
    /// failure text, and paths are repository-relative as in SARIF.
    @Test func junitCaseNamesSurviveALineMove() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let zones = folder.appendingPathComponent("dns/zones")
        try FileManager.default.createDirectory(at: zones, withIntermediateDirectories: true)
        try git(["init", "-q"], in: folder)
        let zone = zones.appendingPathComponent("example.com.zone")
        let corefile = zones.appendingPathComponent("Corefile")
        func cases() throws -> (names: [String], texts: [String], classes: Set<String>) {
            let result = try dnslint(["check", ".", "--format", "junit", "--output", "junit.xml"], in: zones)
            #expect(result.status == 1, "\(result.stderr)")
            let dump = """
                import json, sys, xml.etree.ElementTree as ET
                cases = ET.parse(sys.argv[1]).getroot().findall('.//testcase')
                print(json.dumps([[c.get('name'), c.get('classname'), (c.find('failure').text if c.find('failure') is not None else c.find('system-out').text)] for c in cases]))
                """
            let parsed = try runCommand(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", dump, zones.appendingPathComponent("junit.xml").path])
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [[String]], "\(parsed.stderr)")
            return (rows.map { $0[0] }.sorted(), rows.map { $0[2] }, Set(rows.map { $0[1] }))
        }
        try Data((Self.zone + "web IN CNAME nowhere\n").utf8).write(to: zone)
        try Data(".:53 {\n    forward . 8.8.8.8\n}\n".utf8).write(to: corefile)
        let before = try cases()
        try Data(("; moved\n\n" + Self.zone + "web IN CNAME nowhere\n").utf8).write(to: zone)
        try Data("# moved\n.:53 {\n    errors\n    forward . 8.8.8.8\n}\n".utf8).write(to: corefile)
        let after = try cases()

        #expect(before.names.count >= 3 && before.names == after.names, "\(before.names) \(after.names)")
        #expect(before.names.contains { $0.hasPrefix("DNS1003 cname-dangling web.example.com.") }, "\(before.names)")
        #expect(before.names.contains("DNS2005 forward-passes-truncation .:53 > forward"), "\(before.names)")
        #expect(before.classes == ["dns/zones/example.com.zone", "dns/zones/Corefile"])
        #expect(before.texts.contains { $0.hasPrefix("dns/zones/example.com.zone:8:1: ") }, "\(before.texts)")
        #expect(after.texts.contains { $0.hasPrefix("dns/zones/example.com.zone:10:1: ") }, "\(after.texts)")
    }

    /// A zone with `count` dangling aliases, each an error (or what `.dnslint.yml` re-grades them to).
    func danglingAliases(_ count: Int, in folder: URL, severity: String? = nil) throws {
        var zone = Self.zone
        for index in 0..<count { zone += "alias\(index) IN CNAME gone\(index)\n" }
        try Data(zone.utf8).write(to: folder.appendingPathComponent("example.com.zone"))
        if let severity { try Data("severity:\n  DNS1003: \(severity)\n".utf8).write(to: folder.appendingPathComponent(".dnslint.yml")) }
    }

    /// GitHub keeps the first ten notices of a step: the summary comes first, or a run with many notes loses it.
    @Test func githubFormatSaysWhenAnnotationsAreCut() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try danglingAliases(12, in: folder)
        let result = try dnslint(["check", "example.com.zone", "--format", "github"], in: folder)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("::error ") }.count == 12)
        #expect(lines.first?.hasPrefix("::notice title=dnslint summary::dnslint found 12 errors, 1 warning and 0 notes") == true, "\(lines.first ?? "")")
        #expect(lines.first?.contains("only the first 10 errors, 1 warning and 0 notes") == true)
    }

    @Test func theSummaryTakesOneOfTheTenNoticePlaces() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try danglingAliases(12, in: folder, severity: "note")
        let result = try dnslint(["check", "example.com.zone", "--format", "github"], in: folder)
        let notices = result.stdout.split(separator: "\n").filter { $0.hasPrefix("::notice ") }
        #expect(notices.count == 13)
        #expect(notices.first?.contains("dnslint found 0 errors, 1 warning and 12 notes") == true, "\(notices.first ?? "")")
        #expect(notices.first?.contains("only the first 0 errors, 1 warning and 9 notes") == true, "\(notices.first ?? "")")

        try danglingAliases(10, in: folder, severity: "note")
        let fits = try dnslint(["check", "example.com.zone", "--format", "github"], in: folder)
        #expect(!fits.stdout.contains("dnslint summary"), "ten notes fit without a summary")
    }

    /// `$GITHUB_STEP_SUMMARY` gets a Markdown table, appended after what earlier steps wrote.
    @Test func githubFormatAppendsAStepSummary() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try danglingAliases(3, in: folder, severity: "warning")
        let summary = folder.appendingPathComponent("step-summary.md")
        try Data("## Build\n\nok\n\n".utf8).write(to: summary)
        let result = try runCommand(URL(fileURLWithPath: "/usr/bin/env"),
                                    ["GITHUB_STEP_SUMMARY=\(summary.path)", TestPaths.binary.path, "check", "example.com.zone", "--format", "github", "--fail-on", "never"],
                                    in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: summary, encoding: .utf8)
        #expect(text.hasPrefix("## Build\n\nok\n\n## dnslint\n"), "\(text)")
        #expect(text.contains("| warning | 4 |"), "three aliases and the zone's own warning")
        #expect(text.contains("| DNS1003 cname-dangling | 0 | 3 | 0 |"))
        #expect(text.contains("1 file checked."))

        let text2 = try runCommand(URL(fileURLWithPath: "/usr/bin/env"),
                                   ["GITHUB_STEP_SUMMARY=\(summary.path)", TestPaths.binary.path, "check", "example.com.zone", "--format", "text", "--fail-on", "never"],
                                   in: folder)
        #expect(text2.status == 0)
        #expect(try String(contentsOf: summary, encoding: .utf8) == text, "only --format github writes the step summary")
    }
}
