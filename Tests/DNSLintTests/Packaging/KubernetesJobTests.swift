import Foundation
import Testing

/// The manifests in `examples/k8s-jobs/`: valid for the Kubernetes API (kubernetes-validate, strict, against
/// the schema it ships), clean for dnslint itself (no finding at all), and an Indexed Job whose pods each
/// audit their own shard.
@Suite struct KubernetesJobTests {
    static let folder = TestPaths.packageRoot.appendingPathComponent("examples/k8s-jobs")
    static var manifests: [String] { PackagingTools.files(under: folder, endingWith: [".yaml", ".yml"]) }

    @Test(.enabled(if: PackagingTools.kubernetesValidate != nil, "needs kubernetes-validate (pip)"))
    func everyManifestPassesKubernetesValidate() throws {
        let files = Self.manifests
        #expect(!files.isEmpty)
        for file in files {
            let result = try PackagingTools.run(PackagingTools.kubernetesValidate!,
                                                ["--strict", "-k", PackagingTools.kubernetesVersion, file], in: Self.folder)
            #expect(result.status == 0, "\(file): \(result.output)")
        }
        let nightly = try PackagingTools.run(PackagingTools.kubernetesValidate!,
                                             ["--strict", "-k", PackagingTools.kubernetesVersion, "nightly-audit.yaml"], in: Self.folder)
        for resource in ["namespace/dnslint", "configmap/dnslint-audit", "persistentvolumeclaim/dnslint-reports", "cronjob/dnslint-nightly"] {
            #expect(nightly.output.contains("passed for resource \(resource) "), "\(resource): \(nightly.output)")
        }
    }

    /// The incident manifests are meant to be wrong about DNS, not about the API.
    @Test(.enabled(if: PackagingTools.kubernetesValidate != nil, "needs kubernetes-validate (pip)"))
    func theIncidentManifestsPassKubernetesValidateToo() throws {
        let incident = TestPaths.packageRoot.appendingPathComponent("examples/k8s")
        let files = PackagingTools.files(under: incident, endingWith: [".yaml", ".yml"])
        #expect(files.count >= 2)
        let result = try PackagingTools.run(PackagingTools.kubernetesValidate!, ["--strict", "-k", PackagingTools.kubernetesVersion] + files, in: incident)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test(.enabled(if: PackagingTools.kubernetesValidate != nil, "needs kubernetes-validate (pip)"))
    func kubernetesValidateCatchesAFieldTheAPIDoesNotHave() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOf: Self.folder.appendingPathComponent("nightly-audit.yaml"), encoding: .utf8)
        let wrong = text.replacingOccurrences(of: "completionMode: Indexed", with: "completionMode: Indexed\n      completionIndex: 1")
        try Data(wrong.utf8).write(to: folder.appendingPathComponent("wrong.yaml"))
        let result = try PackagingTools.run(PackagingTools.kubernetesValidate!, ["--strict", "-k", PackagingTools.kubernetesVersion, "wrong.yaml"], in: folder)
        #expect(result.status != 0 && result.output.contains("completionIndex"), "\(result.output)")
    }

    /// dnslint reads the CronJob's pod template like any workload: with ndots:1 and single-request-reopen
    /// it has nothing to say, as a shipped example should.
    @Test func dnslintFindsNothingInTheManifests() throws {
        let result = try runCommand(TestPaths.binary, ["check", Self.folder.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [Any])
        #expect(findings.isEmpty, "\(result.stdout)")
        #expect((report["summary"] as? [String: Any])?["files"] as? Int == Self.manifests.count)

        // The pod template is read: without its dnsConfig the usual Kubernetes DNS findings come back.
        let scratch = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let text = try String(contentsOf: Self.folder.appendingPathComponent("nightly-audit.yaml"), encoding: .utf8)
        let withoutDNSConfig = text.replacingOccurrences(of: #"(?s)\n          dnsConfig:.*?single-request-reopen"#, with: "",
                                                         options: .regularExpression)
        #expect(withoutDNSConfig != text)
        try Data(withoutDNSConfig.utf8).write(to: scratch.appendingPathComponent("nightly-audit.yaml"))
        let plain = try runCommand(TestPaths.binary, ["check", scratch.path, "--fail-on", "never"])
        #expect(plain.stdout.contains("[DNS3001 ndots-amplification]") && plain.stdout.contains("CronJob dnslint/dnslint-nightly"), "\(plain.stdout)")
    }

    /// One Indexed Job of N pods, each passing `--shard K/N` with K = JOB_COMPLETION_INDEX + 1, and the merge.
    @Test(.enabled(if: PackagingTools.kubernetesValidate != nil && PackagingTools.python3 != nil, "needs kubernetes-validate (brings PyYAML)"))
    func theCronJobRunsOneShardPerIndexAndMerges() throws {
        let script = #"""
            import sys, yaml
            docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
            cron = next(d for d in docs if d["kind"] == "CronJob")
            job = cron["spec"]["jobTemplate"]["spec"]
            pod = job["template"]["spec"]
            container = pod["containers"][0]
            shards = next(e["value"] for e in container["env"] if e["name"] == "SHARDS")
            script = "\n".join(container["args"])
            claims = {v["persistentVolumeClaim"]["claimName"] for v in pod["volumes"] if "persistentVolumeClaim" in v}
            pvcs = {d["metadata"]["name"]: d for d in docs if d["kind"] == "PersistentVolumeClaim"}
            print(job["completionMode"], job["completions"], job["parallelism"], shards,
                  pod["restartPolicy"], all(c in pvcs and "ReadWriteMany" in pvcs[c]["spec"]["accessModes"] for c in claims) and bool(claims))
            print('--shard "$shard/$SHARDS"' in script and "shard=$((JOB_COMPLETION_INDEX + 1))" in script)
            print("dnslint merge" in script and "--format json" in script and "--format sarif" in script)
            """#
        let result = try PackagingTools.run(PackagingTools.python3!, ["-c", script, Self.folder.appendingPathComponent("nightly-audit.yaml").path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output == "Indexed 4 4 4 Never True\nTrue\nTrue\n", "\(result.output)")
    }

    @Test(.enabled(if: PackagingTools.shellcheck != nil && PackagingTools.kubernetesValidate != nil && PackagingTools.python3 != nil,
                   "needs shellcheck and kubernetes-validate (brings PyYAML)"))
    func theShardScriptIsShellcheckClean() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("shard.sh")
        try Data(("#!/bin/bash\n" + Self.shardScript()).utf8).write(to: script)
        let result = try PackagingTools.run(PackagingTools.shellcheck!, [script.path])
        #expect(result.status == 0, "\(result.output)")
    }

    /// The CronJob container's `bash -c` script.
    static func shardScript() throws -> String {
        let extract = """
            import sys, yaml
            docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
            cron = next(d for d in docs if d["kind"] == "CronJob")
            sys.stdout.write(cron["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"][0]["args"][0])
            """
        let extracted = try PackagingTools.run(PackagingTools.python3!, ["-c", extract, folder.appendingPathComponent("nightly-audit.yaml").path])
        guard extracted.status == 0, extracted.output.contains("dnslint live") else { throw PackagingError("no script: \(extracted.output)") }
        return extracted.output
    }

    /// The pods' script, run here with a stand-in `dnslint` (the real `--shard` and `merge` need a cluster's
    /// resolver): each shard writes its reports, shard 1 merges once every report is there, and a missing
    /// shard fails the merge with exit code 3.
    @Test(.enabled(if: PackagingTools.kubernetesValidate != nil && PackagingTools.python3 != nil, "needs kubernetes-validate (brings PyYAML)"))
    func theShardScriptWritesItsShardAndShardOneMerges() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try Self.shardScript()
        let reports = folder.appendingPathComponent("reports")
        let script = original.replacingOccurrences(of: "\"/reports/", with: "\"\(reports.path)/")
            .replacingOccurrences(of: "/audit/", with: "\(folder.path)/audit/")
        #expect(script != original)
        let shardScript = folder.appendingPathComponent("shard.sh")
        try Data(script.utf8).write(to: shardScript)
        // The stand-in logs its arguments, writes every --output and --capture file, and `live` exits $LIVE_EXIT.
        let stub = folder.appendingPathComponent("bin/dnslint")
        try FileManager.default.createDirectory(at: stub.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(#"""
            #!/usr/bin/env bash
            echo "$*" >> "$STUB_LOG"
            command=$1
            while [ $# -gt 0 ]; do
              case "$1" in --output | --capture) if [ "$2" != - ]; then echo '{}' > "$2"; fi ;; esac
              shift
            done
            if [ "$command" = live ]; then exit "$LIVE_EXIT"; fi
            """#.utf8).write(to: stub)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: stub.path)
        let log = folder.appendingPathComponent("dnslint.log")
        func shard(index: Int, of shards: Int, live: Int32 = 1, wait: Int = 0) throws -> Int32 {
            let path = stub.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")
            return try PackagingTools.run(URL(fileURLWithPath: "/bin/bash"), [shardScript.path], environment: [
                "PATH": path, "JOB_COMPLETION_INDEX": "\(index)", "SHARDS": "\(shards)", "JOB_NAME": "dnslint-nightly-1",
                "MERGE_WAIT_SECONDS": "\(wait)", "STUB_LOG": log.path, "LIVE_EXIT": "\(live)",
            ]).status
        }
        let run = reports.appendingPathComponent("dnslint-nightly-1")
        func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: run.appendingPathComponent(name).path) }

        #expect(try shard(index: 1, of: 2) == 0, "findings (exit 1) still complete the shard")
        #expect(exists("shard-2-of-2.json") && exists("capture-2-of-2.json"))
        #expect(!exists("merged.json"), "only shard 1 merges")
        #expect(try shard(index: 0, of: 2, wait: 60) == 0)
        #expect(exists("merged.json") && exists("merged.sarif"))
        let calls = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(calls.contains { $0.hasPrefix("live --shard 2/2 ") } && calls.contains { $0.hasPrefix("live --shard 1/2 ") }, "\(calls)")
        #expect(calls.contains { $0.hasPrefix("merge \(run.path)/shard-1-of-2.json \(run.path)/shard-2-of-2.json --format json ") }, "\(calls)")

        // Three shards, one never written: shard 1 merges what there is and fails the Job.
        try FileManager.default.removeItem(at: reports)
        #expect(try shard(index: 1, of: 3) == 0)
        #expect(try shard(index: 0, of: 3, wait: 0) == 3)
        #expect(exists("merged.json"))
        // A usage or configuration error (exit 2) is the pod's exit code.
        #expect(try shard(index: 2, of: 3, live: 2) == 2)
    }

    /// The pods' script with the real dnslint: two shards audit disjoint halves of the ConfigMap's names
    /// (against a loopback port where nothing answers, so every name is a DNS1013 finding) and shard 1's
    /// merge reports every name once, as JSON and SARIF.
    @Test(.enabled(if: PackagingTools.kubernetesValidate != nil && PackagingTools.python3 != nil, "needs kubernetes-validate (brings PyYAML)"))
    func theShardsAndTheMergeRunWithTheRealDnslint() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let audit = folder.appendingPathComponent("audit")
        let extract = """
            import os, sys, yaml
            docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
            data = next(d for d in docs if d["kind"] == "ConfigMap" and d["metadata"]["name"] == "dnslint-audit")["data"]
            for key, value in data.items():
                open(os.path.join(sys.argv[2], key), "w").write(value)
            print(len([n for n in data["names.txt"].split() if n]))
            """
        try FileManager.default.createDirectory(at: audit, withIntermediateDirectories: true)
        let written = try PackagingTools.run(PackagingTools.python3!, ["-c", extract, Self.folder.appendingPathComponent("nightly-audit.yaml").path, audit.path])
        let nameCount = try #require(Int(written.output.trimmingCharacters(in: .whitespacesAndNewlines)), "\(written.output)")
        #expect(nameCount >= 2)

        let reports = folder.appendingPathComponent("reports")
        let port = Loopback.freePort()
        let original = try Self.shardScript()
        let script = original.replacingOccurrences(of: "\"/reports/", with: "\"\(reports.path)/")
            .replacingOccurrences(of: "/audit/", with: "\(audit.path)/")
            .replacingOccurrences(of: "dnslint live ", with: "dnslint live --server 127.0.0.1:\(port) --timeout 0.2 --retries 0 ")
        let shardScript = folder.appendingPathComponent("shard.sh")
        try Data(script.utf8).write(to: shardScript)
        let path = TestPaths.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")
        func shard(index: Int) throws -> (status: Int32, output: String) {
            try PackagingTools.run(URL(fileURLWithPath: "/bin/bash"), [shardScript.path], environment: [
                "PATH": path, "JOB_COMPLETION_INDEX": "\(index)", "SHARDS": "2", "JOB_NAME": "dnslint-nightly-2",
                "MERGE_WAIT_SECONDS": "60",
            ])
        }
        let second = try shard(index: 1)
        #expect(second.status == 0, "\(second.output)")
        let first = try shard(index: 0)
        #expect(first.status == 0, "\(first.output)")

        let run = reports.appendingPathComponent("dnslint-nightly-2")
        func names(_ file: String) throws -> [String] {
            let data = try Data(contentsOf: run.appendingPathComponent(file))
            let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let findings = try #require(report["findings"] as? [[String: Any]])
            #expect(findings.allSatisfy { $0["rule"] as? String == "DNS1013" }, "\(file): \(findings)")
            return Set(findings.compactMap { ($0["subject"] as? [String: Any])?["name"] as? String }).sorted()
        }
        let one = try names("shard-1-of-2.json")
        let two = try names("shard-2-of-2.json")
        #expect(Set(one).isDisjoint(with: two), "\(one) \(two)")
        #expect(one.count + two.count == nameCount, "\(one) \(two)")
        #expect(try names("merged.json") == (one + two).sorted())
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: run.appendingPathComponent("merged.sarif"))) as? [String: Any])
        #expect(sarif["version"] as? String == "2.1.0")
        let results = ((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [Any])?.count
        let merged = try JSONSerialization.jsonObject(with: Data(contentsOf: run.appendingPathComponent("merged.json"))) as? [String: Any]
        #expect(results != nil && results == (merged?["findings"] as? [Any])?.count, "one SARIF result per merged finding")
        for file in ["capture-1-of-2.json", "capture-2-of-2.json"] {
            #expect(FileManager.default.fileExists(atPath: run.appendingPathComponent(file).path), "\(file)")
        }
    }
}
