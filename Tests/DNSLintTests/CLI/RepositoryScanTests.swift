import Foundation
import Testing

/// `dnslint check .` in an ordinary infrastructure repository: real inputs are checked, everything else is
/// passed over without a word (unless --verbose asks why).
@Suite struct RepositoryScanTests {
    static let files: [String: String] = [
        "README.md": "# Infra\nZones live in zones/. Each starts with $ORIGIN and a $TTL line.\n",
        "notes.txt": "TODO: lower $TTL before the migration\n$ORIGIN is set per zone\n",
        ".github/workflows/ci.yml": "name: ci\non: [push]\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n",
        "docker-compose.yml": "services:\n  web:\n    image: nginx\n    dns: 10.0.0.2\n",
        "deploy/chart/Chart.yaml": "apiVersion: v2\nname: app\nversion: 0.1.0\n",
        "deploy/chart/values.yaml": "replicaCount: 1\nimage:\n  repository: nginx\n",
        "deploy/chart/templates/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: \"{{ .Values.image.repository }}\"\n",
        "k8s/kustomization.yaml": "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - coredns.yaml\n",
        "hosts": "127.0.0.1 localhost\n10.0.0.5 db.internal\n",
        "package.json": "{\"name\":\"x\",\"version\":\"1.0.0\"}\n",
        "docs/zones.md": "See docs. The $ORIGIN directive sets the origin.\n",
        "zones/example.com.zone": "$ORIGIN example.com.\n$TTL 300\n@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ IN NS ns1\nns1 IN A 192.0.2.1\n$INCLUDE hosts.zone\nold IN CNAME gone\n",
        "zones/hosts.zone": "$TTL 600\nweb IN A 192.0.2.10\nweb IN AAAA 2001:db8::10\n",
        "k8s/Corefile": ".:53 {\n    errors\n    forward . /etc/resolv.conf {\n        prefer_udp\n    }\n    cache 30\n    loop\n}\n",
    ]

    /// Files whose content reads like a zone but which are not inputs: a guide quoting a zone, hosts files
    /// whose first host names are record type mnemonics, and a zone inside a hidden folder below the top.
    static let lookalikes: [String: String] = [
        "docs/guide.md": "$ORIGIN example.com.\n@ IN A 192.0.2.4\n",
        "docs/guide.rst": "$ORIGIN example.com.\n@ IN A 192.0.2.4\n",
        "docs/guide.adoc": "$ORIGIN example.com.\n@ IN A 192.0.2.4\n",
        "etc/hosts": "10.0.0.53 ns ns.corp.example\n10.0.0.25 mx mx.corp.example\n",
        "etc/corp.hosts": "10.0.0.53 ns ns.corp.example\n",
        "etc/static-names": "# resolver hosts\n10.0.0.53 ns ns.corp.example\nfe80::1%eth0 mx mx.corp.example\n",
        "status.json": "{\"zones\": [\"$ORIGIN example.com.\"]}\n",
        "deploy/.cache/old.zone": "$ORIGIN example.com.\n$TTL 300\n@ IN A 192.0.2.4\n",
    ]

    func repository(_ files: [String: String] = files) throws -> URL {
        let folder = TestPaths.temporaryFolder()
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder
    }

    @Test func onlyRealInputsAreReported() throws {
        let folder = try repository(Self.files.merging(Self.lookalikes) { $1 })
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runCommand(TestPaths.binary, ["check", ".", "--format", "json"], in: folder)
        #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let paths = Set(findings.compactMap { ($0["location"] as? [String: Any])?["path"] as? String })
        #expect(paths == ["./zones/example.com.zone"], "\(findings.map { $0["message"] ?? "" })")
        #expect(findings.map { $0["rule"] as? String } == ["DNS1003"], "the dangling alias, and no DNS1016 for the included hosts.zone")
        #expect((report["summary"] as? [String: Any])?["files"] as? Int == 3)
    }

    @Test func verboseSaysWhatWasSkippedAndWhy() throws {
        let folder = try repository()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runCommand(TestPaths.binary, ["check", ".", "--verbose", "--format", "json", "--output", "-"], in: folder)
        #expect(result.stderr.contains("skipped ./README.md: documentation (Markdown), not an input"))
        #expect(result.stderr.contains("skipped ./zones/hosts.zone: reached by $INCLUDE from ./zones/example.com.zone"))
        #expect(result.stderr.contains("skipped ./deploy/chart/templates/deployment.yaml: part of the Helm chart ./deploy/chart"))
        let quiet = try runCommand(TestPaths.binary, ["check", ".", "--format", "json", "--output", "-"], in: folder)
        #expect(quiet.stderr.isEmpty, "nothing is said about skipped files without --verbose: \(quiet.stderr)")
    }

    @Test func lookalikesAreSkippedWithTheirReason() throws {
        let folder = try repository(Self.files.merging(Self.lookalikes) { $1 })
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runCommand(TestPaths.binary, ["check", ".", "--verbose", "--format", "json", "--output", "-"], in: folder)
        #expect(result.status == 1, "\(result.stderr)")
        let reasons = [
            "./docs/guide.md": "documentation (Markdown)", "./docs/guide.rst": "documentation (reStructuredText)",
            "./docs/guide.adoc": "documentation (AsciiDoc)", "./etc/hosts": "a hosts file", "./etc/corp.hosts": "a hosts file",
            "./etc/static-names": "a hosts file", "./status.json": "JSON that is not a dnslint capture",
            "./deploy/.cache": "hidden", "./.github": "hidden",
        ]
        for (path, reason) in reasons {
            #expect(result.stderr.contains("dnslint: skipped \(path): \(reason)"), "\(path): \(result.stderr)")
        }
        #expect(!result.stderr.contains(".cache/old.zone"), "a hidden folder is skipped whole, once")
    }

    /// A file named on the command line is read whatever its name: the guide quoting a zone is linted as one.
    @Test func aLookalikeNamedOnTheCommandLineIsStillRead() throws {
        let folder = try repository(Self.lookalikes)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runCommand(TestPaths.binary, ["check", "docs/guide.md", "--format", "json"], in: folder)
        #expect(result.status == 1, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((report["summary"] as? [String: Any])?["files"] as? Int == 1)
        #expect((report["findings"] as? [[String: Any]])?.isEmpty == false)
    }

    @Test func initListsNoLookalike() throws {
        let folder = try repository(Self.files.merging(Self.lookalikes) { $1 })
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runCommand(TestPaths.binary, ["init"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let config = try String(contentsOf: folder.appendingPathComponent(".dnslint.yml"), encoding: .utf8)
        for path in Self.lookalikes.keys { #expect(!config.contains(path), "\(path) listed:\n\(config)") }
        #expect(config.contains("zones/example.com.zone"))
    }

    @Test func aZoneWithoutOriginInAScanIsAFindingNotAnExit() throws {
        var files = Self.files
        files["zones/mystery.txt"] = "$TTL 300\nwww IN A 192.0.2.80\n"
        let folder = try repository(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runCommand(TestPaths.binary, ["check", ".", "--format", "json"], in: folder)
        #expect(result.status == 1, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let mystery = try #require(findings.first { ($0["location"] as? [String: Any])?["path"] as? String == "./zones/mystery.txt" })
        #expect(mystery["rule"] as? String == "DNS0005")
        #expect(mystery["severity"] as? String == "error")
        #expect((mystery["message"] as? String)?.contains("add $ORIGIN to the file") == true)
        #expect(findings.contains { $0["rule"] as? String == "DNS1003" }, "the other files are still checked")

        let explicit = try runCommand(TestPaths.binary, ["check", "zones/mystery.txt"], in: folder)
        #expect(explicit.status == 2)
        #expect(explicit.stderr.hasPrefix("dnslint: zones/mystery.txt: cannot tell the zone's origin"))
    }

    @Test func aFolderWithNothingToCheckIsAUsageError() throws {
        let folder = try repository(["README.md": "# nothing here\n$ORIGIN mentioned in prose\n", "notes.txt": "hello\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runCommand(TestPaths.binary, ["check", "."], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("nothing to check"))
    }
}
