import Foundation
import Testing

/// Where the package, the built binary and the shared corpus are.
enum TestPaths {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the repository (corpus, tools), when the workplace provides it. `DNSLINT_SHARED_DIR`
    /// names another folder; pointing it at one without `corpus/` (`DNSLINT_SHARED_DIR=/nonexistent swift test`)
    /// shows which tests need it: they must be reported as skipped, never as passed.
    static let shared: URL? = {
        let override = ProcessInfo.processInfo.environment["DNSLINT_SHARED_DIR"]
        let url = override.map { URL(fileURLWithPath: $0) }
            ?? packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("corpus").path) ? url : nil
    }()

    /// A folder of the shared corpus (`zones`, `corefiles`, `resolvconf`, `k8s`, `configmaps`); only for
    /// tests marked `.needsShared`, which do not run without it.
    static func corpus(_ folder: String) -> URL {
        (shared ?? URL(fileURLWithPath: "/nonexistent-shared")).appendingPathComponent("corpus").appendingPathComponent(folder)
    }

    /// The `dnslint` executable built next to the test bundle.
    static var binary: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("dnslint")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/dnslint")
    }

    static func fixtures(_ folder: String) -> URL {
        packageRoot.appendingPathComponent("Tests/DNSLintTests/Fixtures").appendingPathComponent(folder)
    }

    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dnslint-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension Trait where Self == ConditionTrait {
    /// For a test or suite that reads `../shared` (the corpus, `tools/validate-sarif`): without it, it is
    /// skipped and says why, instead of passing having checked nothing.
    static var needsShared: Self { .enabled(if: TestPaths.shared != nil, "needs ../shared (corpus and tools), which is absent") }
}

/// Runs a command and collects its output and exit code.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

func runCommand(_ executable: URL, _ arguments: [String], in folder: URL? = nil) throws -> CommandResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}

/// The same, for async tests, without holding a Swift-concurrency thread while the command runs.
func runCommand(_ executable: URL, _ arguments: [String], in folder: URL? = nil) async throws -> CommandResult {
    try await offThePool { try runCommand(executable, arguments, in: folder) }
}

/// Runs long blocking work (a subprocess, a lint of megabytes) on a Dispatch thread and awaits it. Swift
/// Testing runs tests on the cooperative pool, two threads on a two-core machine: a test that blocks one
/// for seconds stalls the live tests' awaits, and their timing and TTL checks then fail under load.
/// `work` returns values; the test checks them with `#expect` after the await, inside its own context.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}
