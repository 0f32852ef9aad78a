@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting
import Testing

/// A ConfigMap's Corefile must map back to the YAML file's lines and columns.
@Suite struct EmbeddedTextMapTests {
    @Test func literalBlockMapsLineByLineIncludingBlankLines() {
        let yaml = """
            apiVersion: v1
            kind: ConfigMap
            data:
              Corefile: |
                .:53 {
                    errors

                    forward . /etc/resolv.conf
                }
            """
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let value = ".:53 {\n    errors\n\n    forward . /etc/resolv.conf\n}\n"
        let map = EmbeddedTextMap.compute(value: value, fileLines: lines, scalarLine: 4, scalarColumn: 13, isBlock: true)
        #expect(Array(map.lineMap.prefix(5)) == [5, 6, 7, 8, 9])
        #expect(map.columnOffset == 4)
    }

    @Test func blockAfterEarlierKeysUsesTheIndicatorLine() {
        let yaml = "kind: ConfigMap\ndata:\n  other: x\n  Corefile: |-\n      example.org {\n          file db\n      }\n"
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let map = EmbeddedTextMap.compute(value: "example.org {\n    file db\n}", fileLines: lines, scalarLine: 4, scalarColumn: 13, isBlock: true)
        #expect(map.lineMap == [5, 6, 7])
        #expect(map.columnOffset == 6)
    }

    @Test func quotedValuesStayOnTheirLine() {
        let lines = ["data:", "  Corefile: \".:53 {\\n  whoami\\n}\""].map { Substring($0) }
        let map = EmbeddedTextMap.compute(value: ".:53 {\n  whoami\n}", fileLines: lines, scalarLine: 2, scalarColumn: 13, isBlock: false)
        #expect(map.lineMap == [2, 2, 2])
        #expect(map.columnOffset == 13)
    }

    @Test func configMapCorefileIsMappedFromTheRealYAMLParse() throws {
        let yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: coredns
            data:
              Corefile: |
                .:53 {
                    kubernetes %{CLUSTER_DOMAIN}% in-addr.arpa
                }
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: second}
            data:
              Corefile: |2-
                  example.org {
                      whoami
                  }
            """
        let reader = ManifestReader.reader(path: "coredns.yaml", text: yaml, options: LintOptions())
        #expect(reader.embeddedCorefiles.count == 2)
        let first = try #require(reader.embeddedCorefiles.first)
        #expect(first.text.contains("kubernetes %{CLUSTER_DOMAIN}% in-addr.arpa"), "placeholders are restored for the Corefile")
        #expect(Array(first.map.lineMap.prefix(3)) == [7, 8, 9])
        #expect(first.map.columnOffset == 4)
        let second = try #require(reader.embeddedCorefiles.last)
        #expect(second.map.lineMap == [16, 17, 18])
        #expect(reader.result.findings.allSatisfy { $0.severity == .note })
    }
}
