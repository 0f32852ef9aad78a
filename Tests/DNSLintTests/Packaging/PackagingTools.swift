import Foundation

/// The ecosystem tools the packaging tests run (pre-commit, actionlint, kubernetes-validate, shellcheck,
/// hadolint, check-jsonschema), found on PATH. `scripts/setup.sh --test` installs them; a test whose tool
/// is missing is skipped, never passed.
enum PackagingTools {
    static let preCommit = onPath("pre-commit")
    static let actionlint = onPath("actionlint")
    static let kubernetesValidate = onPath("kubernetes-validate")
    static let shellcheck = onPath("shellcheck")
    static let hadolint = onPath("hadolint")
    static let checkJSONSchema = onPath("check-jsonschema")
    static let git = onPath("git")
    static let python3 = onPath("python3")

    /// The Kubernetes release the manifests are validated against: a schema kubernetes-validate ships,
    /// so no download happens.
    static let kubernetesVersion = "1.30"

    static func onPath(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Runs `tool` with standard output and error together (what a user sees in a terminal), with `extra`
    /// added to the environment.
    static func run(_ tool: URL, _ arguments: [String], in folder: URL? = nil,
                    environment extra: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A new git repository in a temporary folder, with an identity for commits and no signing.
    static func gitRepository() throws -> URL {
        let folder = TestPaths.temporaryFolder()
        try git(["init", "-q", "-b", "main"], in: folder)
        return folder
    }

    static func git(_ arguments: [String], in folder: URL) throws {
        guard let git else { throw PackagingError("git is not on PATH") }
        let result = try run(git, ["-c", "user.name=dnslint tests", "-c", "user.email=tests@example.com",
                                   "-c", "commit.gpgsign=false"] + arguments, in: folder)
        guard result.status == 0 else { throw PackagingError("git \(arguments.joined(separator: " ")): \(result.output)") }
    }

    static func commitAll(in folder: URL, message: String = "test") throws {
        try git(["add", "-A"], in: folder)
        try git(["commit", "-q", "-m", message], in: folder)
    }

    /// Every file below `folder` (relative paths, sorted) whose name ends with one of `suffixes`.
    static func files(under folder: URL, endingWith suffixes: [String]) -> [String] {
        let all = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
        return all.filter { name in suffixes.contains { name.hasSuffix($0) } }.sorted()
    }

    static func copy(_ source: URL, to destination: URL) throws {
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: destination)
    }

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: TestPaths.packageRoot.appendingPathComponent(relativePath), encoding: .utf8)
    }
}

struct PackagingError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
