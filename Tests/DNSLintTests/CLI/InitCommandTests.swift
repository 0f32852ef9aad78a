@testable import DNSLint
import Foundation
import Testing

/// `dnslint init` writes a starter `.dnslint.yml` from what it finds; the file loads, validates against the
/// schema and checks what `dnslint check .` would.
@Suite struct InitCommandTests {
    /// CoreDNS's ConfigMap and, in the same file, its Deployment, whose image gives the release init writes.
    static let configMap = ManifestBuilder.yaml(
        .corefileConfigMap(".:53 {\n    errors\n    forward . 192.0.2.53\n    loop\n    cache 30\n}\n"),
        .deployment("coredns", namespace: "kube-system", .running("registry.k8s.io/coredns/coredns:v1.10.1", name: "coredns")))

    static let pod = ManifestBuilder.pod("web", namespace: "shop", .running("nginx", name: "web")).yaml

    func project() throws -> ScratchProject {
        try ScratchProject(files: [
            "zones/example.com.zone": ConfigSamples.zone,
            "zones/internal": ConfigSamples.originless.replacingOccurrences(of: "@   3600 IN SOA", with: "$TTL 3600\n@   3600 IN SOA"),
            "dns/Corefile": ".:53 {\n    forward . 192.0.2.53\n}\n",
            "k8s/coredns.yaml": Self.configMap,
            "k8s/app.yaml": Self.pod,
            "nodes/resolv.conf": ConfigSamples.resolvConf,
            "my zones/odd #name.zone": "$ORIGIN odd.example.\n@ 3600 IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n",
            ".hidden/skip.zone": ConfigSamples.zone,
            "notes.txt": "nothing to see\n",
        ])
    }

    @Test func initListsWhatItFindsAndTheFileLoads() throws {
        let project = try project()
        defer { project.remove() }
        let result = try project.dnslint(["init"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Wrote .dnslint.yml: 3 zone files, 2 Corefiles or ConfigMaps, 1 resolv.conf, 1 manifest, CoreDNS 1.10.1"))
        let text = try project.read(".dnslint.yml")
        let config = try ConfigReader.parse(text, file: ".dnslint.yml", folder: project.root.path)
        let zones = config.inventory.zones.map { "\($0.pattern) \($0.origin ?? "-")" }
        #expect(zones == ["my zones/odd #name.zone odd.example.", "zones/example.com.zone example.com."])
        #expect(text.contains("# - path: zones/internal"), "a zone whose origin is unknown is listed commented out")
        #expect(config.inventory.corefiles.map(\.pattern) == ["dns/Corefile", "k8s/coredns.yaml"])
        #expect(config.inventory.resolvConfs.map(\.pattern) == ["nodes/resolv.conf"])
        #expect(config.inventory.manifests.map(\.pattern) == ["k8s/app.yaml"])
        #expect(config.inventory.corednsVersion == "1.10.1")
        #expect(config.failOn == "error")
        #expect(!text.contains(".hidden"))
        #expect(try ConfigSchemaTests.schemaAccepts([ConfigReader.jsonObject(yaml: text)]) == [true])

        // The inventory checks the files `dnslint check .` finds (the unknown-origin zone aside).
        let check = try project.dnslint(["check", "--format", "json"])
        #expect(check.status != 2, "\(check.stderr)")
        let paths = Set(try ReportFindings(json: check.stdout).entries.map(\.path))
        #expect(paths.isSuperset(of: ["zones/example.com.zone", "nodes/resolv.conf", "dns/Corefile"]), "\(paths)")
    }

    /// Without a CoreDNS image the starter says what dnslint then does: the release is unknown and hazard rules
    /// assume an affected one (as the README says), not "the latest known".
    @Test func theVersionCommentSaysWhatAnUnknownReleaseMeans() throws {
        let project = try ScratchProject(files: ["dns/Corefile": ".:53 {\n    forward . 192.0.2.53\n}\n"])
        defer { project.remove() }
        #expect(try project.dnslint(["init"]).status == 0)
        let line = try #require(try project.read(".dnslint.yml").split(separator: "\n").first { $0.contains("coredns-version") })
        #expect(line.contains("else unknown (hazard rules then assume an affected release)"), "\(line)")
        #expect(!line.contains("latest"))
        let check = try project.dnslint(["check", "--format", "json"])
        #expect(check.stdout.contains("\"assumption\""), "an unknown release is judged as an affected one: \(check.stdout)")
    }

    @Test func initRefusesToOverwriteWithoutForce() throws {
        let project = try project()
        defer { project.remove() }
        try project.write(".dnslint.yml", "fail-on: never\n")
        let refused = try project.dnslint(["init"])
        #expect(refused.status == 2)
        #expect(refused.stderr == "dnslint: .dnslint.yml exists; pass --force to overwrite it\n")
        #expect(try project.read(".dnslint.yml") == "fail-on: never\n")
        let forced = try project.dnslint(["init", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try project.read(".dnslint.yml").contains("zones/example.com.zone"))
    }

    @Test func anEmptyFolderGetsAValidStarter() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        #expect(try project.dnslint(["init"]).status == 0)
        let text = try project.read(".dnslint.yml")
        let config = try ConfigReader.parse(text, file: ".dnslint.yml", folder: project.root.path)
        #expect(!config.inventory.hasFiles)
        #expect(try ConfigSchemaTests.schemaAccepts([ConfigReader.jsonObject(yaml: text)]) == [true])
        let check = try project.dnslint(["check"])
        #expect(check.status == 2)
        #expect(check.stderr.contains("lists no zones"))
    }
}
