@testable import DNSLintReporting
@testable import DNSLintRules
import Foundation
import Testing

/// `schemas/dnslint-report.schema.json` documents each rule's argument keys from the metadata, and a report
/// validates against it only with the declared keys and types.
@Suite struct ReportSchemaTests {
    static let root = TestPaths.packageRoot
    static let schema = root.appendingPathComponent("schemas/dnslint-report.schema.json")

    /// The generated entry is regenerated with `swift run dnslint generate-docs rules`.
    @Test func committedSchemaMatchesMetadata() throws {
        let committed = try String(contentsOf: Self.schema, encoding: .utf8)
        let generated = try #require(ReportSchema.updating(committed, rules: RuleRegistry.all.map(\.metadata)))
        #expect(committed == generated, "schemas/dnslint-report.schema.json drifted from the metadata: run `swift run dnslint generate-docs rules`")
        _ = try JSONSerialization.jsonObject(with: Data(committed.utf8))
    }

    /// The report of every rule example validates; the same report with an undeclared key, or a declared key
    /// of the wrong type, does not.
    @Test func schemaChecksEachRulesArguments() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("report.json")
        let run = try runCommand(TestPaths.binary, ["check", "rules/examples", "--format", "json", "--output", report.path], in: Self.root)
        #expect(run.status == 1, "\(run.stderr)")
        let check = """
            import json, sys, jsonschema
            report, schema = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
            jsonschema.validate(report, schema)
            def rejects(change):
                broken = json.loads(json.dumps(report))
                change(next(f for f in broken["findings"] if f["rule"] == "DNS1010")["arguments"])
                try:
                    jsonschema.validate(broken, schema)
                    return False
                except jsonschema.ValidationError:
                    return True
            print("valid", rejects(lambda a: a.update(undeclared=1)), rejects(lambda a: a.update(bytes="600")))
            """
        let validation = try runCommand(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", check, report.path, Self.schema.path])
        #expect(validation.stdout == "valid True True\n", "\(validation.stdout)\(validation.stderr)")
    }
}
