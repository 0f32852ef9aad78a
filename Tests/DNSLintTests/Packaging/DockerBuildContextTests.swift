import Foundation
import Testing

/// Docker cannot run here, so the image's build is reproduced as far as SwiftPM goes: the build stage's COPY
/// lines (less what .dockerignore drops) and its RUN lines that only make folders and files (`mkdir`, `touch`)
/// fill a folder as they would fill the image's WORKDIR, and `swift package describe` must load the package
/// there. It fails when the manifest names a folder the image lacks.
@Suite struct DockerBuildContextTests {
    enum Step {
        case copy(sources: [String], destination: String)
        /// A shell command of `mkdir` and `touch` only, run in the WORKDIR.
        case make(String)
    }

    /// The build stage's COPY lines (not `COPY --from`) and file-making RUN lines, in order. Other RUN lines
    /// (apt-get, swift) change nothing SwiftPM reads from the source folder.
    static func buildStageSteps() throws -> [Step] {
        let lines = try DockerfileTests.instructions()
        let runtime = lines.lastIndex { $0.hasPrefix("FROM ") } ?? lines.count
        return lines[..<runtime].compactMap { line -> Step? in
            if line.hasPrefix("COPY "), !line.contains("--from=") {
                let words = line.split(separator: " ").dropFirst().map(String.init)
                return .copy(sources: Array(words.dropLast()), destination: words.last ?? ".")
            }
            guard line.hasPrefix("RUN ") else { return nil }
            let command = String(line.dropFirst(4))
            let makesFiles = command.components(separatedBy: "&&").allSatisfy { part in
                ["mkdir", "touch"].contains(part.split(separator: " ").first.map(String.init) ?? "")
            }
            return makesFiles ? .make(command) : nil
        }
    }

    static func dockerignore() throws -> [String] {
        try String(contentsOf: TestPaths.packageRoot.appendingPathComponent(".dockerignore"), encoding: .utf8)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// Copies what the COPY lines take from the package root into `context`, as Docker does (a folder's
    /// contents go to the destination, files into it when it ends in `/` or several sources are given), and
    /// runs the file-making RUN lines there.
    static func reproduce(into context: URL) throws {
        let root = TestPaths.packageRoot
        let ignored = try dockerignore()
        let entries = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { entry in !ignored.contains { fnmatch($0, entry, 0) == 0 } }
        for step in try buildStageSteps() {
            switch step {
            case .copy(let sources, let destination):
                let matched = sources.flatMap { pattern in entries.filter { fnmatch(pattern, $0, 0) == 0 } }.sorted()
                let target = context.appendingPathComponent(destination)
                let intoFolder = destination.hasSuffix("/") || sources.count > 1 || sources.contains { $0.contains("*") }
                for entry in matched {
                    let source = root.appendingPathComponent(entry)
                    let placed = intoFolder ? target.appendingPathComponent(entry) : target
                    try FileManager.default.createDirectory(at: placed.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try FileManager.default.copyItem(at: source, to: placed)
                }
            case .make(let command):
                let run = try runBounded(["-c", command], seconds: 30, in: context, executable: URL(fileURLWithPath: "/bin/sh"))
                #expect(run.status == 0, "RUN \(command): \(run.stderr)")
            }
        }
    }

    /// Test sources, fixtures and snapshots stay out of the image: only what the Dockerfile makes is there.
    @Test func noTestFileReachesTheBuild() throws {
        let context = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: context) }
        try Self.reproduce(into: context)
        let tests = context.appendingPathComponent("Tests")
        let files = FileManager.default.enumerator(atPath: tests.path)?.compactMap { $0 as? String }.sorted() ?? []
        #expect(files == ["DNSLintTests", "DNSLintTests/Fixtures", "DNSLintTests/Placeholder.swift", "DNSLintTests/Snapshots"], "\(files)")
        #expect(try Self.dockerignore().contains("Tests"), "the build context leaves the tests out too")
    }

    /// The dependencies this checkout already fetched, so SwiftPM needs no network in the copy.
    static let fetched = TestPaths.packageRoot.appendingPathComponent(".build/checkouts")

    @Test(.enabled(if: PackagingTools.onPath("swift") != nil && FileManager.default.fileExists(atPath: fetched.path),
                   "needs swift on PATH and the package's dependencies fetched (.build/checkouts)"))
    func swiftPMLoadsThePackageFromTheImagesBuildContext() throws {
        let context = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: context) }
        try Self.reproduce(into: context)
        #expect(FileManager.default.fileExists(atPath: context.appendingPathComponent("Package.swift").path))
        let build = context.appendingPathComponent(".build")
        try FileManager.default.createDirectory(at: build, withIntermediateDirectories: true)
        for item in ["checkouts", "repositories", "workspace-state.json"] {
            let source = TestPaths.packageRoot.appendingPathComponent(".build").appendingPathComponent(item)
            if FileManager.default.fileExists(atPath: source.path) { try FileManager.default.copyItem(at: source, to: build.appendingPathComponent(item)) }
        }
        let swift = try #require(PackagingTools.onPath("swift"))
        let run = try runBounded(["package", "--disable-automatic-resolution", "describe", "--type", "json"], seconds: 300, in: context, executable: swift)
        #expect(!run.timedOut)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("warning:"), "\(run.stderr)")
        let description = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
        let products = (description["products"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        #expect(products.contains("dnslint"), "\(products)")
    }
}
