import Foundation
import Testing

/// Tests mirror Sources (ARCHITECTURE.md, Tests): each target's tests in its folder, and every lint in a
/// test goes through the one harness (`Lint` in Support/LintHarness.swift), so all tests run the engine
/// the way `dnslint check` does.
@Suite struct TestLayoutTests {
    static let tests = TestPaths.packageRoot.appendingPathComponent("Tests/DNSLintTests")

    /// The folder of each target's tests, and the folders that mirror no single target.
    static let targetFolders = ["LDNS": "LDNS", "DNSLintModel": "Model", "DNSLintInputs": "Inputs", "DNSLintLive": "Live",
                                "DNSLintRules": "Rules", "DNSLintReporting": "Reporting", "DNSLintSimulate": "Simulate",
                                "DNSLint": "Engine", "dnslint": "CLI"]
    static let otherFolders: Set = ["Architecture", "Packaging", "RealResolver", "Support"]

    @Test func everyTestFileLiesInATargetsFolderOrAListedOne() throws {
        let sources = try FileManager.default.contentsOfDirectory(atPath: TestPaths.packageRoot.appendingPathComponent("Sources").path)
        #expect(Set(sources).subtracting(["CLdns"]) == Set(Self.targetFolders.keys), "a target without a test folder here")
        let allowed = Set(Self.targetFolders.values).union(Self.otherFolders)
        for file in try swiftFiles(under: Self.tests) {
            let folder = file.path.split(separator: "/").first.map(String.init) ?? ""
            #expect(file.path.contains("/") && allowed.contains(folder),
                    "Tests/DNSLintTests/\(file.path) is not in a target's folder (\(allowed.sorted().joined(separator: ", ")))")
        }
    }

    @Test func onlyTheHarnessRunsTheLinter() throws {
        for file in try swiftFiles(under: Self.tests) where file.path != "Support/LintHarness.swift" {
            for (line, text) in SwiftCode(file.text).lines(matching: #/\bLinter(\.run)?\(/#) {
                Issue.record("Tests/DNSLintTests/\(file.path):\(line) runs the linter itself; use Lint (Support/LintHarness.swift): \(text)")
            }
        }
    }
}
