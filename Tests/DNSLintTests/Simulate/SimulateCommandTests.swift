import Foundation
import Testing

/// `dnslint simulate` on the shipped incident example, run as a user runs it.
@Suite struct SimulateCommandTests {
    static let examples = TestPaths.packageRoot.appendingPathComponent("examples")

    static func report(_ extra: [String] = []) throws -> [String: Any] {
        let run = try runBounded(["simulate", examples.path, "--lookup", "api.example.com", "--from", "shop/web",
                                  "--duration", "10m", "--format", "json"] + extra, seconds: 60)
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    static func failures(_ report: [String: Any]) -> Int { report["failures"] as? Int ?? -1 }

    /// CoreDNS 1.11.1 with autopath behind cache and the chain's A (20 s) and AAAA (30 s) out of step: lookups fail,
    /// and each remedy for this failure alone makes every lookup resolve.
    @Test func theIncidentFailsOnCoreDNS111AndEachRemedyFixesIt() throws {
        let report = try Self.report(["--what-if"])
        #expect(Self.failures(report) > 0)
        let inputs = try #require(report["inputs"] as? [String: Any])
        #expect(inputs["corednsVersion"] as? String == "1.11.1")
        #expect(inputs["cacheInFrontOfAutopath"] as? Bool == true)
        let names = try #require(report["names"] as? [[String: Any]])
        let causes = try #require(names.first?["causes"] as? [[String: Any]])
        let cause = try #require(causes.first?["text"] as? String)
        #expect(cause.contains("A cached NXDOMAIN") && cause.contains("AAAA cached NOERROR (CNAME only)")
                && cause.contains("api.example.com.shop.svc.cluster.local."), "\(cause)")
        let whatIf = try #require(report["whatIf"] as? [[String: Any]])
        var byRemedy: [String: Int] = [:]
        for result in whatIf { byRemedy[result["remedy"] as? String ?? ""] = result["failures"] as? Int }
        for remedy in ["equal TTLs along the chain", "an AAAA at the end of the chain", "CoreDNS 1.14.7 or later", "no autopath", "ndots:2"] {
            #expect(byRemedy[remedy] == 0, "\(remedy): \(byRemedy[remedy] ?? -1) failures")
        }
    }

    @Test func theSameSeedGivesTheSameRunAndAnotherSeedMayNot() throws {
        let first = try Self.report(["--seed", "7"])
        let again = try Self.report(["--seed", "7"])
        #expect(Self.failures(first) == Self.failures(again))
        #expect((first["events"] as? [Any])?.count == (again["events"] as? [Any])?.count)
    }

    @Test func noAutopathMissesMeansNoFailures() throws {
        #expect(Self.failures(try Self.report(["--autopath-miss", "0"])) == 0)
    }

    @Test func theVersionFlagOverridesTheImage() throws {
        let report = try Self.report(["--coredns-version", "1.14.7"])
        #expect(Self.failures(report) == 0)
        #expect((report["inputs"] as? [String: Any])?["corednsVersionSource"] as? String == "--coredns-version")
    }

    @Test(arguments: [
        (["--from", "nowhere/app"], "--from nowhere/app matches no workload"),
        (["--duration", "ten minutes"], "--duration takes a duration"),
        (["--autopath-miss", "2"], "--autopath-miss takes a share from 0 to 1"),
        (["--duration", "24h", "--every", "10ms"], "at most 1000000 are simulated"),
    ])
    func badFlagsAreUsageErrors(_ flags: [String], _ message: String) throws {
        let run = try runBounded(["simulate", Self.examples.path, "--lookup", "api.example.com"] + flags, seconds: 60)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test func inputsWithoutACorefileAreAUsageErrorNamingThem() throws {
        let zones = Self.examples.appendingPathComponent("zones").path
        let run = try runBounded(["simulate", zones, "--lookup", "api.example.com"], seconds: 60)
        #expect(run.status == 2)
        #expect(run.stderr == "dnslint: simulate needs a CoreDNS Corefile (or its ConfigMap) among \(zones)\n")
    }

    @Test func theTextSummarySaysWhatFailedAndPointsAtTheTimeline() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = folder.appendingPathComponent("timeline.html").path
        let run = try runBounded(["simulate", Self.examples.path, "--lookup", "api.example.com", "--from", "shop/web", "--html", html],
                                 seconds: 60)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("api.example.com: ") && run.stdout.contains("lookups failed"))
        #expect(run.stdout.hasSuffix("Timeline: \(html)\n"))
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<svg id=\"timeline\"") && page.contains("class=\"cache-entry\"") && page.contains("class=\"lookup failed\""))
    }
    /// The JSON report matches schemas/dnslint-simulate.schema.json (checked with Python's jsonschema).
    @Test(.enabled(if: PackagingTools.python3 != nil, "needs python3 with jsonschema"))
    func theJSONReportMatchesItsSchema() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("simulate.json").path
        let run = try runBounded(["simulate", Self.examples.path, "--lookup", "api.example.com", "--lookup", "www.example.com",
                                  "--from", "shop/web", "--what-if", "--rate", "0.5", "--format", "json", "--output", output], seconds: 60)
        #expect(run.status == 0 && run.stdout.isEmpty, "\(run.stderr)")
        let schema = TestPaths.packageRoot.appendingPathComponent("schemas/dnslint-simulate.schema.json").path
        let check = "import json, sys, jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))); print('valid')"
        let result = try runCommand(PackagingTools.python3!, ["-c", check, output, schema])
        #expect(result.stdout == "valid\n", "\(result.stderr)")
    }
    /// A folder with the incident's zone and Corefile but no CoreDNS image, and a workload of the given image.
    static func folderWithoutVersion(image: String) throws -> ScratchFolder {
        let folder = ScratchFolder()
        try folder.write("example.com.zone", String(contentsOf: examples.appendingPathComponent("zones/example.com.zone"), encoding: .utf8))
        try folder.write("Corefile", """
            .:53 {
                errors
                autopath @kubernetes
                kubernetes cluster.local in-addr.arpa ip6.arpa {
                    pods verified
                    ttl 30
                }
                forward . /etc/resolv.conf
                cache 30
                loop
            }

            """)
        try folder.write("app.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
            spec:
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                  - name: web
                    image: \(image)

            """)
        return folder
    }

    /// No version among the inputs: the run assumes a release before 1.14.7, as the rules do, and says so.
    @Test func anUnknownVersionIsAssumedAffectedAndSaid() throws {
        let folder = try Self.folderWithoutVersion(image: "registry.example/web:1")
        defer { folder.remove() }
        let run = try runBounded(["simulate", folder.path, "--lookup", "api.example.com", "--format", "json"], seconds: 60)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let inputs = try #require(report["inputs"] as? [String: Any])
        #expect(inputs["corednsVersion"] as? String == "1.14.6")
        #expect((inputs["corednsVersionSource"] as? String)?.hasPrefix("assumed: version unknown") == true)
        #expect(inputs["libc"] as? String == "glibc")
        #expect(Self.failures(report) > 0)
    }

    /// An Alpine 3.17 image runs musl 1.2.3, which walks past the split: the same cache state fails nobody.
    @Test func anAlpineWorkloadIsSimulatedWithMusl() throws {
        let folder = try Self.folderWithoutVersion(image: "node:20-alpine3.17")
        defer { folder.remove() }
        let run = try runBounded(["simulate", folder.path, "--lookup", "api.example.com", "--format", "json"], seconds: 60)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((report["inputs"] as? [String: Any])?["libc"] as? String == "musl")
        #expect(Self.failures(report) == 0)
    }
}
