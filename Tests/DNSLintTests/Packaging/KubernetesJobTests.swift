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
}
