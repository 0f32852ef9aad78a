@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintReporting
import Testing

/// `.dnslint.yml` read through the node tree: every section, and one-line errors that name the file and line.
@Suite struct ConfigReaderTests {
    static let full = """
        inventory:
          zones:
            - zones/*.zone
            - path: internal/db
              origin: corp.example.
          corefiles: [coredns/Corefile, k8s/coredns.yaml]
          resolv-conf: [nodes/**/resolv.conf]
          manifests: ["k8s/**/*.yaml"]
          names-files: [audit/names.txt]
          names: [www.example.com, api.example.com.]
          servers: [10.96.0.10, "[2001:db8::53]:5353"]
          coredns-version: 1.11
          libc: musl
          cluster-domain: corp.local
        select: [DNS1, DNS2, ndots-amplification]
        ignore:
          - DNS1017
          - rule: cname-chain-no-aaaa
            name: legacy.example.com
            reason: IPv4-only host, retired in Q3
        severity:
          DNS1002: error
          DNS3: note
        fail-on: warning
        overrides:
          - paths: ["legacy/**", vendor]
            ignore: [DNS1008]
            severity: {DNS1001: note}

        """

    func parse(_ text: String) throws(InputError) -> ProjectConfig {
        try ConfigReader.parse(text, file: ".dnslint.yml", folder: "/project")
    }

    /// The one-line message a broken configuration gives.
    func error(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func readsEverySection() throws {
        let config = try parse(Self.full)
        let inventory = config.inventory
        #expect(inventory.zones.map(\.pattern) == ["zones/*.zone", "internal/db"])
        #expect(inventory.zones.map(\.origin) == [nil, "corp.example."])
        #expect(inventory.zones.map(\.line) == [3, 4])
        #expect(inventory.corefiles.map(\.pattern) == ["coredns/Corefile", "k8s/coredns.yaml"])
        #expect(inventory.resolvConfs.map(\.pattern) == ["nodes/**/resolv.conf"])
        #expect(inventory.manifests.map(\.pattern) == ["k8s/**/*.yaml"])
        #expect(inventory.namesFiles.map(\.place) == ["inventory.names-files[0]"])
        #expect(inventory.names == ["www.example.com", "api.example.com."])
        #expect(inventory.servers == ["10.96.0.10", "[2001:db8::53]:5353"])
        #expect(inventory.corednsVersion == "1.11", "a YAML number is taken as written")
        #expect(inventory.libc == .musl)
        #expect(inventory.clusterDomain == "corp.local")
        #expect(config.select?.map(\.text) == ["DNS1", "DNS2", "ndots-amplification"])
        #expect(config.ignore.map(\.codes) == [["DNS1017"]])
        #expect(config.nameIgnores == [NameIgnore(codes: ["DNS1001"], name: "legacy.example.com", reason: "IPv4-only host, retired in Q3")])
        #expect(config.severities.map { "\($0.0.text)=\($0.1)" } == ["DNS1002=error", "DNS3=note"])
        #expect(config.failOn == "warning")
        #expect(config.overrides.count == 1)
        #expect(config.overrides[0].globs.map(\.pattern) == ["legacy/**", "vendor"])
        #expect(config.overrides[0].disabled == ["DNS1008"])
        #expect(config.overrides[0].severities == ["DNS1001": .note])
        #expect(config.folder == "/project")
    }

    @Test func anEmptyFileIsTheDefaultConfiguration() throws {
        for text in ["", "# nothing yet\n", "---\n"] {
            let config = try parse(text)
            #expect(config.select == nil && config.ignore.isEmpty && config.failOn == nil && !config.inventory.hasFiles)
        }
    }

    @Test func unknownKeysNameTheLineAndTheClosestKey() {
        #expect(error("""
            overrides:
              - paths: [legacy]
                ignore: [DNS1008]
                sever1ty: {DNS1001: note}
            """) == #".dnslint.yml:4: unknown key "sever1ty" in overrides[0] (did you mean "severity"?)"#)
        #expect(error("fail-on: error\n\nfial-on: warning\n") == #".dnslint.yml:3: unknown key "fial-on" at the top level (did you mean "fail-on"?)"#)
        #expect(error("inventory:\n  zone: [a.zone]\n") == #".dnslint.yml:2: unknown key "zone" in inventory (did you mean "zones"?)"#)
        #expect(error("inventory:\n  zones:\n    - path: a\n      orign: a.example.\n")
                == #".dnslint.yml:4: unknown key "orign" in inventory.zones[0] (did you mean "origin"?)"#)
        #expect(error("ignore:\n  - {rule: DNS1001, name: a.example, because: x}\n")
                == #".dnslint.yml:2: unknown key "because" in ignore[0]"#)
        #expect(error("colour: red\n") == #".dnslint.yml:1: unknown key "colour" at the top level"#)
    }

    @Test func wrongTypesSayWhatWasExpected() {
        #expect(error("select: DNS1\n") == #".dnslint.yml:1: select takes a list, not "DNS1""#)
        #expect(error("inventory:\n  zones:\n    a: b\n") == ".dnslint.yml:3: inventory.zones takes a list, not a mapping")
        #expect(error("inventory: [a.zone]\n") == ".dnslint.yml:1: inventory must be a mapping of keys, not a list")
        #expect(error("severity: [DNS1001]\n")
                == ".dnslint.yml:1: severity takes a mapping of rule codes or names to error, warning or note, not a list")
        #expect(error("inventory:\n  names:\n    - [a, b]\n") == ".dnslint.yml:3: inventory.names[0] takes a string, not a list")
        #expect(error("fail-on:\n") == ".dnslint.yml:1: fail-on takes a string, not an empty value")
        #expect(error("- DNS1001\n") == ".dnslint.yml:1: the configuration must be a mapping of keys, not a list")
    }

    @Test func valuesAreChecked() {
        #expect(error("fail-on: sometimes\n") == #".dnslint.yml:1: fail-on takes error, warning, note or never, not "sometimes""#)
        #expect(error("severity:\n  DNS1001: fatal\n") == #".dnslint.yml:2: severity.DNS1001 takes note, warning or error, not "fatal""#)
        #expect(error("inventory:\n  libc: bsd\n") == #".dnslint.yml:2: inventory.libc takes glibc or musl, not "bsd""#)
        #expect(error("inventory:\n  coredns-version: banana\n")
                == #".dnslint.yml:2: inventory.coredns-version takes a version such as 1.11.1, not "banana""#)
        #expect(error("inventory:\n  servers: [dns.example]\n")?.hasPrefix(#".dnslint.yml:2: inventory.servers[0] "dns.example" is not an IP address"#) == true)
        #expect(error("select: [DNS9]\n") == #".dnslint.yml:1: "DNS9" in select[0] is not a rule code, name or code prefix; `dnslint rules` lists them"#)
        #expect(error("ignore: [ndots-amplifcation]\n")
                == #".dnslint.yml:1: "ndots-amplifcation" in ignore[0] is not a rule code, name or code prefix (did you mean "ndots-amplification"?)"#)
        #expect(error("severity:\n  DNS1: error\n  nope: note\n") == #".dnslint.yml:3: "nope" in severity is not a rule code, name or code prefix; `dnslint rules` lists them"#)
        #expect(error("overrides:\n  - ignore: [DNS1008]\n") == #".dnslint.yml:2: overrides[0] needs "paths": globs of the files it applies to"#)
        #expect(error("inventory:\n  zones:\n    - origin: a.example.\n") == #".dnslint.yml:3: inventory.zones[0] needs "path": the zone file or glob"#)
    }

    @Test func aNameIgnoreNeedsARuleANameAndAReason() {
        #expect(error("""
            ignore:
              - DNS1017
              - rule: DNS1001
                name: legacy.example.com
            """) == #".dnslint.yml:3: ignore[1] needs "reason": say why DNS1001 does not apply to legacy.example.com"#)
        #expect(error("ignore:\n  - {rule: DNS1001, name: a.example, reason: \"  \"}\n")
                == #".dnslint.yml:2: ignore[0] needs "reason": say why DNS1001 does not apply to a.example"#)
        #expect(error("ignore:\n  - {name: a.example, reason: x}\n")
                == #".dnslint.yml:2: ignore[0] needs "rule": the code or name of the rule to ignore for the name"#)
        #expect(error("ignore:\n  - {rule: DNS1001, reason: x}\n")
                == #".dnslint.yml:2: ignore[0] needs "name": the DNS name whose DNS1001 findings to drop"#)
    }

    @Test func yamlSyntaxErrorsAndDuplicateKeysHaveALine() {
        #expect(error("select: [DNS1\nfail-on: error\n")?.hasPrefix(".dnslint.yml:") == true)
        let syntax = error("inventory:\n  zones: [a\n  libc: musl\n  - x\n") ?? ""
        #expect(syntax.range(of: #"^\.dnslint\.yml:[2-4]: "#, options: .regularExpression) != nil, "\(syntax)")
        #expect(error("fail-on: error\nselect: [DNS1]\nfail-on: note\n") == ".dnslint.yml:3: duplicate key fail-on in one mapping")
    }

    @Test func errorsNameTheFileAsShown() {
        do {
            _ = try ConfigReader.parse("select: x\n", file: "../.dnslint.yml", folder: "/p")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasPrefix("../.dnslint.yml:1: "))
        }
    }

    @Test func noMessageSpansTwoLines() {
        for text in ["select: [DNS1\n", "a: b\n", "ignore:\n  - {rule: DNS1001}\n", "inventory:\n  zones: {a: b}\n"] {
            #expect(error(text).map { !$0.contains("\n") } == true, "\(text)")
        }
    }
}
