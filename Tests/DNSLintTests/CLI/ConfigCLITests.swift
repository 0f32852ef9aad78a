import Foundation
import Testing

/// `.dnslint.yml` through the built binary: found or given, ignored on request, overridden by flags, and
/// enough on its own for `dnslint check` and `dnslint live`.
@Suite struct ConfigCLITests {
    static let inventory = """
        inventory:
          zones:
            - path: zones/internal
              origin: corp.example.
            - zones/*.zone
          resolv-conf: ["nodes/**/resolv.conf"]

        """

    func project(_ config: String) throws -> ScratchProject {
        try ScratchProject(files: [
            ".dnslint.yml": config,
            "zones/internal": ConfigSamples.originless,
            "zones/example.com.zone": ConfigSamples.zone,
            "nodes/node-1/resolv.conf": ConfigSamples.resolvConf,
            "README.md": "not an input\n",
        ])
    }

    @Test func checkWithoutPathsReadsTheInventoryWithItsOrigins() throws {
        let project = try project(Self.inventory)
        defer { project.remove() }
        let result = try project.dnslint(["check", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let findings = try ReportFindings(json: result.stdout)
        #expect(findings.entries.map { "\($0.path):\($0.line) \($0.code)" }.sorted() == [
            "nodes/node-1/resolv.conf:3 DNS3001",
            "zones/example.com.zone:6 DNS1008",
            "zones/internal:5 DNS1008",
        ])
        #expect(findings.entries.contains { $0.subject == "www.corp.example." }, "the inventory's origin named the zone")
        // From a folder below, the same files, shown from there.
        let below = try project.dnslint(["check", "--format", "json"], in: "nodes/node-1")
        #expect(below.status == 0, "\(below.stderr)")
        #expect(try ReportFindings(json: below.stdout).entries.map(\.path).sorted()
                == ["../../zones/example.com.zone", "../../zones/internal", "resolv.conf"])
    }

    @Test func pathsOnTheCommandLineTakeTheInventorysOrigins() throws {
        let project = try project(Self.inventory)
        defer { project.remove() }
        let result = try project.dnslint(["check", "zones/internal", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try ReportFindings(json: result.stdout).entries.map(\.subject) == ["www.corp.example."])
        let without = try project.dnslint(["check", "zones/internal", "--no-config"])
        #expect(without.status == 2, "without the configuration the zone's origin is unknown")
        #expect(without.stderr.contains("cannot tell the zone's origin"))
    }

    @Test func noConfigIgnoresTheFile() throws {
        let project = try project(Self.inventory + "ignore: [DNS1008]\nfail-on: warning\n")
        defer { project.remove() }
        let configured = try project.dnslint(["check", "zones/example.com.zone", "--format", "json"])
        #expect(configured.status == 0)
        #expect(try ReportFindings(json: configured.stdout).codes.isEmpty)
        let plain = try project.dnslint(["check", "zones/example.com.zone", "--format", "json", "--no-config"])
        #expect(plain.status == 0, "the default fail-on is error")
        #expect(try ReportFindings(json: plain.stdout).codes == ["DNS1008"])
        let nothing = try project.dnslint(["check", "--no-config"])
        #expect(nothing.status == 2)
        #expect(nothing.stderr.contains(".dnslint.yml"), "the error says how to give no paths: \(nothing.stderr)")
        let both = try project.dnslint(["check", "--no-config", "--config", ".dnslint.yml"])
        #expect(both.status == 2)
    }

    @Test func flagsWinOverTheConfiguration() throws {
        let settings = Self.inventory.replacingOccurrences(of: "inventory:\n", with: "inventory:\n  libc: musl\n")
        let project = try project(settings + """
            select: [DNS3]
            fail-on: warning
            severity:
              ndots-amplification: error

            """)
        defer { project.remove() }
        let configured = try project.dnslint(["check", "--format", "json"])
        #expect(configured.status == 1)
        #expect(try ReportFindings(json: configured.stdout).codes == ["DNS3001", "DNS3003"], "select: [DNS3]; musl ignores single-request-reopen")
        #expect(try ReportFindings(json: configured.stdout).entries.first { $0.code == "DNS3001" }?.severity == "error")

        let glibc = try project.dnslint(["check", "--format", "json", "--libc", "glibc", "--fail-on", "never"])
        #expect(glibc.status == 0, "--fail-on never wins over fail-on: warning")
        #expect(try ReportFindings(json: glibc.stdout).codes == ["DNS3001"], "--libc glibc wins over libc: musl")

        let selected = try project.dnslint(["check", "--format", "json", "--select", "DNS1", "--fail-on", "error"])
        #expect(selected.status == 0, "warnings do not fail --fail-on error")
        #expect(try ReportFindings(json: selected.stdout).codes == ["DNS1008", "DNS1008"], "--select replaces the configuration's select")

        let disabled = try project.dnslint(["check", "--format", "json", "--disable", "DNS300"])
        #expect(disabled.status == 0)
        #expect(try ReportFindings(json: disabled.stdout).codes.isEmpty, "--disable takes prefixes, and wins")
        let unknown = try project.dnslint(["check", "--select", "DNS9"])
        #expect(unknown.status == 2)
    }

    @Test func anExplicitConfigFileIsReadFromAnywhere() throws {
        let project = try project(Self.inventory)
        defer { project.remove() }
        try project.write("ci/strict.yml", "fail-on: warning\n")
        let result = try project.dnslint(["check", "zones/example.com.zone", "--config", "ci/strict.yml"])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        let missing = try project.dnslint(["check", "zones/example.com.zone", "--config", "ci/none.yml"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "dnslint: --config ci/none.yml: no such file\n")
        // Paths in a configuration are relative to its own folder.
        try project.write("ci/inventory.yml", "inventory:\n  zones: [../zones/example.com.zone]\n")
        let inventory = try project.dnslint(["check", "--config", "ci/inventory.yml", "--format", "json"])
        #expect(try ReportFindings(json: inventory.stdout).entries.map(\.path) == ["zones/example.com.zone"], "\(inventory.stderr)")
    }

    @Test func configurationErrorsAreOneLineWithFileAndLineAndExitTwo() throws {
        let project = try project(Self.inventory + "overrides:\n  - paths: [legacy]\n    sever1ty: {DNS1001: note}\n")
        defer { project.remove() }
        let result = try project.dnslint(["check", "zones/example.com.zone"])
        #expect(result.status == 2)
        #expect(result.stderr == "dnslint: .dnslint.yml:9: unknown key \"sever1ty\" in overrides[0] (did you mean \"severity\"?)\n")
        #expect(result.stdout.isEmpty)
        let below = try project.dnslint(["check", "resolv.conf"], in: "nodes/node-1")
        #expect(below.stderr.hasPrefix("dnslint: ../../.dnslint.yml:9: "))
        #expect(try project.dnslint(["check", "zones/example.com.zone", "--no-config"]).status == 0)
    }

    @Test func aStaleInventoryEntryIsAnError() throws {
        let project = try project("inventory:\n  zones: [zones/*.zone]\n  manifests: [\"k8s/**/*.yaml\"]\n")
        defer { project.remove() }
        let result = try project.dnslint(["check"])
        #expect(result.status == 2)
        #expect(result.stderr == "dnslint: .dnslint.yml:3: inventory.manifests[0] \"k8s/**/*.yaml\" matches no file (paths are relative to .)\n")
    }

    @Test func aGlobLeavesIncludedFilesToTheZoneThatIncludesThem() throws {
        let project = try ScratchProject(files: [
            ".dnslint.yml": "inventory:\n  zones: [\"zones/*.zone\"]\n",
            "zones/example.com.zone": "$ORIGIN example.com.\n@ 3600 IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ 3600 IN NS ns1\nns1 3600 IN A 192.0.2.1\n$INCLUDE hosts.zone\n",
            "zones/hosts.zone": "www 300 IN A 192.0.2.10\nwww 600 IN A 192.0.2.11\n",
        ])
        defer { project.remove() }
        let result = try project.dnslint(["check", "--format", "json"])
        #expect(result.status == 0, "the included file is not read as a zone of its own: \(result.stderr)")
        let findings = try ReportFindings(json: result.stdout)
        #expect(findings.entries.map { "\($0.path):\($0.line) \($0.code) \($0.subject ?? "")" } == ["zones/hosts.zone:2 DNS1008 www.example.com."])
    }

    @Test func overridesApplyByPathRelativeToTheConfiguration() throws {
        let project = try project(Self.inventory + """
            overrides:
              - paths: [zones/internal]
                ignore: [DNS1008]
              - paths: ["nodes/**"]
                severity: {DNS3001: note}

            """)
        defer { project.remove() }
        let result = try project.dnslint(["check", "--format", "json"], in: "zones")
        let findings = try ReportFindings(json: result.stdout)
        #expect(findings.entries.map { "\($0.path) \($0.code)" }.sorted() == ["../nodes/node-1/resolv.conf DNS3001", "example.com.zone DNS1008"])
        #expect(findings.entries.first { $0.code == "DNS3001" }?.severity == "note")
    }
}
