@testable import DNSLintModel
import Foundation
import Testing

/// The committed capture files of rule examples are exactly what `CaptureExamples` builds from the model.
@Suite(.serialized) struct CaptureExampleTests {
    /// With DNSLINT_WRITE_CAPTURES=1 the files are rewritten from the builders first (then still checked).
    static let rewrite = ProcessInfo.processInfo.environment["DNSLINT_WRITE_CAPTURES"] == "1"

    @Test func committedCapturesMatchTheirBuilders() throws {
        let root = TestPaths.packageRoot
        for builder in try CaptureExamples.all() {
            let built = try builder.json(packageRoot: root)
            let url = root.appendingPathComponent(builder.path)
            if Self.rewrite { try built.write(to: url) }
            let committed = try? Data(contentsOf: url)
            #expect(committed == built, "\(builder.path) differs from its builder: run `DNSLINT_WRITE_CAPTURES=1 swift test --filter CaptureExampleTests`")
        }
    }

    @Test func everyCaptureFileHasABuilder() throws {
        let root = TestPaths.packageRoot.appendingPathComponent(RuleExampleFiles.root)
        let committed = try RuleExampleFiles.files(in: root).map(\.name).filter { $0.hasSuffix(".capture.json") }
        let built = try CaptureExamples.all().map { String($0.path.dropFirst(RuleExampleFiles.root.count + 1)) }
        #expect(Set(committed) == Set(built))
        #expect(Set(built).count == built.count, "two builders write the same file")
    }

    @Test func builtCapturesReadBackAsTheyWereBuilt() throws {
        for builder in try CaptureExamples.all() {
            let capture = try JSONDecoder().decode(Capture.self, from: builder.json(packageRoot: TestPaths.packageRoot))
            #expect(capture.names.map(\.name) == builder.names.map(\.name))
            #expect(capture.names.map(\.queries.count) == builder.names.map(\.queries.count))
            #expect(capture.names.allSatisfy { $0.source?.path == builder.folder + "/" + CaptureBuilder.namesFile })
        }
    }
}
