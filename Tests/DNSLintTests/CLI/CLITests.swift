import Foundation
import Testing

/// Runs the built `dnslint` binary on the shipped examples, as a user or CI would.
@Suite struct CLITests {
    let root = TestPaths.packageRoot

    @Test func checkOnExamplesFailsTheGateWithCompilerStyleDiagnostics() async throws {
        let result = try await runCommand(TestPaths.binary, ["check", "examples/"], in: root)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("examples/zones/example.com.zone:13:1: error: api.example.com. is a CNAME chain"))
        #expect(result.stdout.contains("[DNS1001 cname-chain-no-aaaa]"))
        #expect(result.stdout.contains("[DNS1010 answer-exceeds-512]"))
        // The incident scenario: the Corefile, the CoreDNS image version and the zones combine.
        #expect(result.stdout.contains("examples/zones/example.com.zone:13:1: error: api.example.com. fails to resolve intermittently"))
        #expect(result.stdout.contains("[DNS4001 autopath-cache-split-answer]"))
        #expect(result.stdout.contains("[DNS4002 truncation-reaches-client]"))
        #expect(result.stdout.contains("[DNS4003 autopath-search-mismatch]"))
    }

    @Test func failOnNeverAndCleanInputsExitZero() async throws {
        #expect(try await runCommand(TestPaths.binary, ["check", "examples/", "--fail-on", "never"], in: root).status == 0)
        let clean = try await runCommand(TestPaths.binary, ["check", "examples/zones/clean.example.zone"], in: root)
        #expect(clean.status == 0)
        #expect(clean.stdout.contains("No problems found"))
    }

    @Test func failOnWarningCountsWarnings() async throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let zone = try folder.write("w.example.zone", "$ORIGIN w.example.\n@ 300 IN SOA ns hm 1 2 3 4 5\n@ 300 IN NS ns\nns 300 IN A 192.0.2.1\nns 600 IN AAAA 2001:db8::1\n")
        #expect(try await runCommand(TestPaths.binary, ["check", zone]).status == 0)
        #expect(try await runCommand(TestPaths.binary, ["check", zone, "--fail-on", "warning"]).status == 1)
    }

    @Test func usageErrorsExitTwoWithOneLine() async throws {
        let unknownFlag = try await runCommand(TestPaths.binary, ["check", "--no-such-flag", "examples/"], in: root)
        #expect(unknownFlag.status == 2)
        let missing = try await runCommand(TestPaths.binary, ["check", "does-not-exist.zone"], in: root)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("does-not-exist.zone"))
        #expect(try await runCommand(TestPaths.binary, ["explain", "DNS9999"], in: root).status == 2)
        let badVersion = try await runCommand(TestPaths.binary, ["check", "examples/", "--coredns-version", "banana"], in: root)
        #expect(badVersion.status == 2)
        #expect(badVersion.stderr.contains("--coredns-version"))
    }

    @Test func rulesAndExplainComeFromTheMetadata() async throws {
        let rules = try await runCommand(TestPaths.binary, ["rules"], in: root)
        #expect(rules.status == 0)
        #expect(rules.stdout.contains("DNS1001") && rules.stdout.contains("cname-chain-no-aaaa"))
        let explain = try await runCommand(TestPaths.binary, ["explain", "cname-chain-no-aaaa"], in: root)
        #expect(explain.status == 0)
        #expect(explain.stdout.hasPrefix("# DNS1001 cname-chain-no-aaaa"))
    }

    /// Writes SARIF and JSON side by side, as a CI job does, into `folder`.
    func writeSARIFAndJSON(into folder: ScratchFolder) async throws -> (sarif: URL, json: URL) {
        let sarif = folder.url.appendingPathComponent("dnslint.sarif")
        let json = folder.url.appendingPathComponent("dnslint.json")
        let result = try await runCommand(TestPaths.binary, ["check", "examples/", "--format", "sarif", "--output", sarif.path,
                                                        "--format", "json", "--output", json.path], in: root)
        #expect(result.status == 1, "\(result.stderr)")
        return (sarif, json)
    }

    @Test func sarifHasRepositoryRelativeResultsAndJSONMatchesItsSchema() async throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let (sarif, json) = try await writeSARIFAndJSON(into: folder)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: sarif)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.contains { $0["ruleId"] as? String == "DNS1001" })
        let uri = (((results.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
        #expect(uri?.hasPrefix("examples/") == true, "URIs are repository-relative: \(uri ?? "nil")")
        #expect(results.contains { $0["ruleId"] as? String == "DNS4001" })
        let schema = root.appendingPathComponent("schemas/dnslint-report.schema.json")
        let check = "import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))); print('ok')"
        let validation = try await runCommand(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", check, json.path, schema.path])
        #expect(validation.status == 0 && validation.stdout.contains("ok"), "\(validation.stderr)")
    }

    @Test(.needsShared) func sarifPassesTheGitHubValidator() async throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let (sarif, _) = try await writeSARIFAndJSON(into: folder)
        let tool = try #require(TestPaths.shared).appendingPathComponent("tools/validate-sarif")
        let validation = try await runCommand(URL(fileURLWithPath: "/usr/bin/env"), ["python3", tool.path, sarif.path])
        #expect(validation.status == 0, "\(validation.stdout)\(validation.stderr)")
    }

    @Test func githubAndRdjsonlFormatsLocateFindings() async throws {
        let github = try await runCommand(TestPaths.binary, ["check", "examples/", "--format", "github"], in: root)
        #expect(github.stdout.contains("::error file=examples/zones/example.com.zone,line=13,"))
        let rdjsonl = try await runCommand(TestPaths.binary, ["check", "examples/", "--format", "rdjsonl"], in: root)
        let first = try #require(rdjsonl.stdout.split(separator: "\n").first)
        let object = try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any]
        #expect(object?["location"] != nil)
    }
}
