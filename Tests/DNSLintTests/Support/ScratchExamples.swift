@testable import DNSLint
@testable import DNSLintModel
import Foundation

/// A file written in code, for tests that vary an input line by line (`CombinedRuleTests`); rule examples
/// themselves are folders under rules/examples.
struct ExampleFile {
    var name: String
    var text: String

    init(_ name: String, _ text: String) {
        self.name = name
        self.text = text
    }
}

extension RuleExample {
    /// A scratch example: `files` are written to a fresh temporary folder, which becomes the example's
    /// (absolute) folder; `lintExample(_:)` lints it like a rule example's folder and then removes it.
    init(_ files: [ExampleFile], arguments: [String] = []) throws {
        let folder = TestPaths.temporaryFolder()
        for file in files {
            let url = folder.appendingPathComponent(file.name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: url)
        }
        self.init(folder.path, arguments: arguments)
    }
}

/// Lints a scratch example's folder as `dnslint check [arguments] FOLDER` does, then removes the folder.
func lintExample(_ example: RuleExample) throws -> [Finding] {
    precondition(example.folder.hasPrefix(FileManager.default.temporaryDirectory.path), "not a scratch example")
    defer { try? FileManager.default.removeItem(atPath: example.folder) }
    let options = try LintArguments.options(from: example.arguments)
    return try Linter.run(paths: [example.folder], options: options).findings
}
