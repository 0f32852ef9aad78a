@testable import DNSLint
import Foundation
import Testing

/// `schemas/dnslint-config.schema.json` (what editors complete and check) agrees with the reader: the same
/// keys, and the same verdict on sample configurations (python3 jsonschema, installed by setup.sh --test).
@Suite struct ConfigSchemaTests {
    static let schemaURL = TestPaths.packageRoot.appendingPathComponent("schemas/dnslint-config.schema.json")

    static func schema() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as? [String: Any])
    }

    /// Validates each document (JSON values) against the schema in one python run.
    static func schemaAccepts(_ documents: [Any]) throws -> [Bool] {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("documents.json")
        try JSONSerialization.data(withJSONObject: documents).write(to: input)
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft7Validator.check_schema(schema)
            validator = jsonschema.Draft7Validator(schema)
            print(json.dumps([validator.is_valid(d) for d in json.load(open(sys.argv[2]))]))
            """
        let result = try runCommand(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, schemaURL.path, input.path])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [Bool] ?? []
    }

    @Test func theSchemaDeclaresTheKeysTheReaderTakes() throws {
        let schema = try Self.schema()
        let definitions = try #require(schema["definitions"] as? [String: [String: Any]])
        func keys(_ object: [String: Any]?) -> Set<String> { Set((object?["properties"] as? [String: Any])?.keys ?? [:].keys) }
        for (name, readerKeys) in ConfigKeys.byDefinition {
            let declared = name == "config" ? keys(schema) : keys(definitions[name])
            #expect(declared == Set(readerKeys), "\(name): schema \(declared.sorted()) vs reader \(readerKeys.sorted())")
        }
        // Every object the schema describes with properties is one the reader checks.
        let described = Set(definitions.filter { $0.value["properties"] != nil }.keys).union(["config"])
        #expect(described == Set(ConfigKeys.byDefinition.keys))
        for (name, definition) in definitions where definition["properties"] != nil {
            #expect(definition["additionalProperties"] as? Bool == false, "\(name) must refuse unknown keys, as the reader does")
        }
        #expect(schema["additionalProperties"] as? Bool == false)
    }

    static let valid = [
        ConfigReaderTests.full,
        "",
        "fail-on: never\n",
        "inventory:\n  zones: [a.zone, {path: b/db.x, origin: x.example.}]\n  coredns-version: \"1.11.1\"\n",
        "ignore:\n  - DNS3\n  - {rule: DNS1001, name: a.example., reason: accepted}\nseverity: {DNS1: note, cname-chain-no-aaaa: error}\n",
        "overrides:\n  - paths: [legacy]\n  - paths: [\"**/*.zone\"]\n    ignore: [DNS1008]\n    severity: {DNS1001: note}\n",
        "max-file-bytes: 64M\nmax-line-bytes: 4096\n",
        "max-file-bytes: \"1g\"\n",
    ]

    static let invalid = [
        "overrides:\n  - paths: [a]\n    sever1ty: {DNS1001: note}\n",
        "select: DNS1\n",
        "fail-on: sometimes\n",
        "ignore:\n  - {rule: DNS1001, name: a.example}\n",
        "inventory:\n  libc: bsd\n",
        "inventory:\n  zones:\n    - origin: a.example.\n",
        "severity: {DNS1001: fatal}\n",
        "overrides:\n  - ignore: [DNS1008]\n",
        "inventory:\n  zone: [a]\n",
        "max-file-bytes: 64X\n",
        "max-line-bytes: 0\n",
        "max-line-bytes: 1.5M\n",
        "inventory:\n  max-file-bytes: 64M\n",
    ]

    @Test func readerAndSchemaAgreeOnSampleConfigurations() throws {
        let samples = Self.valid + Self.invalid
        let documents = try samples.map { try ConfigReader.jsonObject(yaml: $0) }
        let schemaVerdicts = try Self.schemaAccepts(documents)
        #expect(schemaVerdicts.count == samples.count)
        for (sample, schemaAccepts) in zip(samples, schemaVerdicts) {
            let readerAccepts = (try? ConfigReader.parse(sample, file: ".dnslint.yml", folder: "/p")) != nil
            #expect(readerAccepts == Self.valid.contains(sample), "reader on:\n\(sample)")
            #expect(schemaAccepts == readerAccepts, "schema and reader disagree on:\n\(sample)")
        }
    }

    @Test func theReadmeSampleIsValid() throws {
        let readme = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "```yaml\n# .dnslint.yml"))
        let end = try #require(readme[start.upperBound...].range(of: "```"))
        let sample = "# .dnslint.yml" + readme[start.upperBound..<end.lowerBound]
        #expect(throws: Never.self) { try ConfigReader.parse(sample, file: "README.md", folder: "/p") }
        #expect(try Self.schemaAccepts([ConfigReader.jsonObject(yaml: sample)]) == [true])
    }
}
