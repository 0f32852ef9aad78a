import Foundation
import Testing

/// `examples/predeploy/check-coredns-change.sh`: a CoreDNS ConfigMap change is linted with the cluster's
/// inventory and fails only on errors the running ConfigMap does not already have. The incident files of
/// `examples/` stand in for the cluster (their ConfigMap has errors of its own, which must not fail a change).
@Suite struct PredeployScriptTests {
    static let script = TestPaths.packageRoot.appendingPathComponent("examples/predeploy/check-coredns-change.sh")
    static let examples = TestPaths.packageRoot.appendingPathComponent("examples")
    static let running = examples.appendingPathComponent("k8s/coredns-configmap.yaml")
    static let inventory = ["zones", "k8s/app.yaml", "resolvconf"].map { examples.appendingPathComponent($0).path }

    /// The ConfigMap with `pods verified` turned into `pods insecure`: autopath then does nothing (DNS2002).
    static func brokenConfigMap(in folder: URL) throws -> URL {
        let text = try String(contentsOf: running, encoding: .utf8)
        let broken = text.replacingOccurrences(of: "            pods verified", with: "            pods insecure")
        #expect(broken != text)
        let url = folder.appendingPathComponent("coredns-configmap.yaml")
        try Data(broken.utf8).write(to: url)
        return url
    }

    func check(_ arguments: [String], current: URL? = nil, in folder: URL? = nil) throws -> (status: Int32, output: String) {
        var environment = ["DNSLINT": TestPaths.binary.path, "DNSLINT_ARGS": "--color never"]
        if let current { environment["CURRENT_CONFIGMAP"] = current.path }
        return try PackagingTools.run(Self.script, arguments, in: folder, environment: environment)
    }

    @Test(.enabled(if: PackagingTools.shellcheck != nil, "needs shellcheck (Debian)"))
    func theScriptIsShellcheckClean() throws {
        let result = try PackagingTools.run(PackagingTools.shellcheck!, [Self.script.path])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func theRunningConfigMapAgainPasses() throws {
        // Linted alone the running ConfigMap and inventory fail (the incidents); as a "change" they pass.
        let alone = try runCommand(TestPaths.binary, ["check", Self.running.path] + Self.inventory)
        #expect(alone.status == 1)
        let result = try check([Self.running.path] + Self.inventory, current: Self.running)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("accepted by the baseline"), "\(result.output)")
    }

    @Test func aChangeThatBreaksAutopathFails() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try check([try Self.brokenConfigMap(in: folder).path] + Self.inventory, current: Self.running)
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("[DNS2002 autopath-without-pods-verified]"), "\(result.output)")
        #expect(result.output.contains("1 error, 0 warnings"), "only the new finding: \(result.output)")
    }

    @Test func aChangeThatFixesAProblemPasses() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOf: Self.running, encoding: .utf8)
        let fixed = text.replacingOccurrences(of: "            max_concurrent 1000", with: "            max_concurrent 1000\n            prefer_udp")
        #expect(fixed != text)
        let new = folder.appendingPathComponent("coredns-configmap.yaml")
        try Data(fixed.utf8).write(to: new)
        let result = try check([new.path] + Self.inventory, current: Self.running)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try check([]).status == 2)
        #expect(try check(["--bogus", Self.running.path]).status == 2)
        #expect(try check(["/nonexistent/coredns.yaml"], current: Self.running).status == 2)
        let help = try check(["--help"])
        #expect(help.status == 0 && help.output.contains("Usage: check-coredns-change.sh"), "\(help.output)")
    }

    /// GitOps: the ConfigMap is a file in a repository, compared with the files at a revision (--new-since).
    @Test(.enabled(if: PackagingTools.git != nil, "needs git"))
    func sinceARevisionOnlyTheChangeCounts() throws {
        let repository = try PackagingTools.gitRepository()
        defer { try? FileManager.default.removeItem(at: repository) }
        for path in ["k8s/coredns-configmap.yaml", "zones/clean.example.zone"] {
            try PackagingTools.copy(Self.examples.appendingPathComponent(path), to: repository.appendingPathComponent(path))
        }
        try PackagingTools.commitAll(in: repository)
        let arguments = ["--since", "HEAD", "k8s/coredns-configmap.yaml", "zones/clean.example.zone"]
        let unchanged = try check(arguments, in: repository)
        #expect(unchanged.status == 0, "\(unchanged.output)")
        _ = try Self.brokenConfigMap(in: repository.appendingPathComponent("k8s"))
        let changed = try check(arguments, in: repository)
        #expect(changed.status == 1, "\(changed.output)")
        #expect(changed.output.contains("[DNS2002 autopath-without-pods-verified]"), "\(changed.output)")
    }

    /// With the incident inventory the combined findings (DNS4xxx) name the ConfigMap's path in their message,
    /// and `--new-since` lints the old files in a scratch folder: nothing changed, so nothing is new.
    @Test(.enabled(if: PackagingTools.git != nil, "needs git"))
    func sinceARevisionCombinedFindingsAreNotNew() throws {
        let repository = try PackagingTools.gitRepository()
        defer { try? FileManager.default.removeItem(at: repository) }
        for path in ["k8s", "zones", "resolvconf"] {
            try PackagingTools.copy(Self.examples.appendingPathComponent(path), to: repository.appendingPathComponent(path))
        }
        try PackagingTools.commitAll(in: repository)
        let unchanged = try check(["--since", "HEAD", "k8s/coredns-configmap.yaml", "zones", "k8s/app.yaml", "resolvconf"], in: repository)
        // Combined findings name the ConfigMap in their message; keys spell it repository-relative, so the
        // scratch copy --new-since lints gives the same keys.
        #expect(unchanged.status == 0, "\(unchanged.output)")
    }
}
