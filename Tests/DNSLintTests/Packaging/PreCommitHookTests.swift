import Foundation
import Testing

/// `.pre-commit-hooks.yaml` as pre-commit itself reads and runs it: the manifest validates, and the
/// `dnslint-system` hook (dnslint from PATH: the binary these tests run) fails a project with a broken zone,
/// passes a clean one and is skipped when no DNS input changed. The `dnslint` hook (`language: swift`) is
/// only validated: pre-commit would run a release build of the whole package first.
@Suite(.enabled(if: PackagingTools.preCommit != nil && PackagingTools.git != nil, "needs pre-commit (pip) and git"))
struct PreCommitHookTests {
    static let manifest = TestPaths.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml")

    @Test func theManifestValidatesAndDeclaresBothHooks() throws {
        let result = try PackagingTools.run(PackagingTools.preCommit!, ["validate-manifest", Self.manifest.path])
        #expect(result.status == 0, "\(result.output)")
        let text = try String(contentsOf: Self.manifest, encoding: .utf8)
        #expect(text.contains("- id: dnslint\n") && text.contains("- id: dnslint-system\n"))
        #expect(text.contains("language: swift") && text.contains("language: system"))
        #expect(text.components(separatedBy: "entry: dnslint check").count - 1 == 2)
    }

    @Test func aBrokenZoneFailsTheHook() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("zones/broken.example.zone", """
            $ORIGIN broken.example.
            $TTL 300
            @   IN SOA ns1 hostmaster 1 7200 3600 1209600 300
            @   IN NS  ns1
            ns1 IN A   192.0.2.1
            www IN CNAME gone

            """)
        let result = try project.tryRepo(files: ["zones/broken.example.zone"])
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("Failed") && result.output.contains("DNS1003 cname-dangling"), "\(result.output)")
    }

    @Test func aCleanZoneAndOtherYAMLPass() throws {
        let project = try Project()
        defer { project.remove() }
        try PackagingTools.copy(TestPaths.packageRoot.appendingPathComponent("examples/zones/clean.example.zone"),
                                to: project.folder.appendingPathComponent("zones/clean.example.zone"))
        // YAML that is not a Kubernetes manifest triggers the hook but is not read as a DNS input.
        try project.write(".github/workflows/ci.yml", "name: ci\non: push\njobs: {}\n")
        try project.write("deploy/settings.yaml", "replicas: 3\n")
        let result = try project.tryRepo(files: ["zones/clean.example.zone", "deploy/settings.yaml"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("Passed"), "\(result.output)")
    }

    @Test func aChangeWithoutDNSInputsSkipsTheHook() throws {
        let project = try Project()
        defer { project.remove() }
        try project.write("README.md", "# project\n")
        try project.write("zones/broken.example.zone", "$ORIGIN broken.example.\nwww IN CNAME gone\n")
        let result = try project.tryRepo(files: ["README.md"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("(no files to check)Skipped"), "\(result.output)")
    }

    /// A project repository beside a hooks repository holding only the manifest under test, so pre-commit
    /// sees the file as it is now, committed or not, and clones nothing from the network.
    struct Project {
        let root = TestPaths.temporaryFolder()
        var folder: URL { root.appendingPathComponent("project") }
        var hooks: URL { root.appendingPathComponent("hooks") }

        init() throws {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: hooks, withIntermediateDirectories: true)
            try PackagingTools.git(["init", "-q"], in: hooks)
            try PackagingTools.copy(PreCommitHookTests.manifest, to: hooks.appendingPathComponent(".pre-commit-hooks.yaml"))
            try PackagingTools.commitAll(in: hooks, message: "hooks")
            try PackagingTools.git(["init", "-q"], in: folder)
        }

        func write(_ path: String, _ text: String) throws {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        /// `pre-commit try-repo HOOKS dnslint-system --files ...` with the tested dnslint first on PATH.
        func tryRepo(files: [String]) throws -> (status: Int32, output: String) {
            try PackagingTools.git(["add", "-A"], in: folder)
            let path = TestPaths.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")
            return try PackagingTools.run(PackagingTools.preCommit!, ["try-repo", hooks.path, "dnslint-system", "--files"] + files,
                                          in: folder, environment: ["PATH": path, "PRE_COMMIT_HOME": root.appendingPathComponent("cache").path,
                                                                    "PRE_COMMIT_COLOR": "never", "NO_COLOR": "1"])
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }
}
