import Foundation
import Testing

/// The one-way graph of ARCHITECTURE.md, checked from the sources: SwiftPM hands every target `-I` to every
/// module already built, so an incremental build lets a back edge (`import DNSLintInputs` in a rule) compile.
/// scripts/test.sh builds with `--explicit-target-dependency-import-check error`; this test holds without it.
@Suite struct TargetImportTests {
    /// Every `import` of one of the package's own targets names a dependency its target declares.
    @Test func everyImportOfAProjectTargetIsADeclaredDependency() throws {
        let targets = try PackageTargets.load()
        #expect(targets.map(\.name).contains("DNSLintRules"), "dump-package listed no DNSLintRules: \(targets.map(\.name))")
        let projectTargets = Set(targets.map(\.name))
        var scanned = 0
        for target in targets {
            for file in try swiftFiles(under: TestPaths.packageRoot.appendingPathComponent(target.path)) {
                scanned += 1
                for (line, module) in ImportLines.modules(in: file.text)
                where projectTargets.contains(module) && module != target.name && !target.dependencies.contains(module) {
                    Issue.record("\(target.path)/\(file.path):\(line): \(target.name) imports \(module), which Package.swift does not declare as its dependency (declared: \(target.dependencies.sorted()))")
                }
            }
        }
        #expect(scanned > 100, "found only \(scanned) Swift files under the targets' folders")
    }

    /// The scan sees imports in all their spellings, and nothing in comments or strings.
    @Test func importLinesAreReadAsTheCompilerReadsThem() {
        let source = """
            import Foundation
            @testable import DNSLintRules
            @_spi(Testing) package import DNSLintInputs
            import struct DNSLintLive.Prober
            internal import LDNS
            // import DNSLintReporting
            /* import DNSLintSimulate */
            let text = "import DNSLint"
            let importance = 1
            """
        #expect(ImportLines.modules(in: source).map(\.module) == ["Foundation", "DNSLintRules", "DNSLintInputs", "DNSLintLive", "LDNS"])
        #expect(ImportLines.modules(in: source).map(\.line) == [1, 2, 3, 4, 5])
    }
}

/// The modules a Swift file imports, with their lines.
enum ImportLines {
    static func modules(in source: String) -> [(line: Int, module: String)] {
        let pattern = #/^\s*(?:@[\w]+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal|fileprivate|private)\s+)?import\s+(?:(?:struct|class|enum|protocol|typealias|func|let|var)\s+)?(\w+)/#
        return SwiftCode(source).lines.enumerated().compactMap { index, line in
            (try? pattern.firstMatch(in: line)).flatMap { $0 }.map { (index + 1, String($0.1)) }
        }
    }
}

/// The package's targets as `swift package dump-package` resolves them (not Package.swift's text).
struct PackageTargets {
    var name: String
    /// The folder holding its sources, relative to the package root.
    var path: String
    /// The targets it depends on (by name or as a target; products of other packages are left out).
    var dependencies: Set<String>

    static func load() throws -> [PackageTargets] {
        // A scratch path of its own: the package's .build is locked by the `swift test` running this.
        let scratch = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try runBounded(["swift", "package", "--package-path", TestPaths.packageRoot.path, "--scratch-path", scratch.path,
                                  "dump-package"], seconds: 120, executable: URL(fileURLWithPath: "/usr/bin/env"))
        guard run.status == 0, !run.timedOut,
              let package = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any],
              let targets = package["targets"] as? [[String: Any]]
        else { throw DumpPackageFailed(status: run.status, stderr: run.stderr) }
        return targets.compactMap { target in
            guard let name = target["name"] as? String, let type = target["type"] as? String else { return nil }
            let folder = type == "test" ? "Tests" : "Sources"
            let dependencies = (target["dependencies"] as? [[String: Any]] ?? []).compactMap { dependency in
                ((dependency["byName"] ?? dependency["target"]) as? [Any])?.first as? String
            }
            return PackageTargets(name: name, path: target["path"] as? String ?? "\(folder)/\(name)", dependencies: Set(dependencies))
        }
    }

    struct DumpPackageFailed: Error, CustomStringConvertible {
        var status: Int32
        var stderr: String
        var description: String { "swift package dump-package failed (\(status)): \(stderr)" }
    }
}
