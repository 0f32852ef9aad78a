import Foundation
@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting

/// Parses text as a stand-alone Corefile named `Corefile` in no folder (imports are not followed).
func parseCorefile(_ text: String) -> (corefile: Corefile, issues: [CorefileIssue]) {
    let source = CorefileSource(path: "Corefile", includedFrom: [], lineMap: nil, columnOffset: 0,
                                directory: nil, displayDirectory: nil)
    return CorefileParser.parse(Array(text.utf8), source: source,
                                policy: CorefileParser.ImportPolicy(followFiles: false, allowOutside: false))
}

/// A fresh folder for files a test writes; removed by the caller with `cleanUp`.
struct ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("dnslint-corefile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func cleanUp() { try? FileManager.default.removeItem(at: url) }
}

/// Lints files like the CLI does, with only the rules given (all by default).
func lint(_ paths: [String], corednsVersion: String? = nil, allowOutside: Bool = false,
          rules: [any Rule] = RuleRegistry.all) throws -> [Finding] {
    var options = LintOptions()
    options.corednsVersion = corednsVersion
    options.allowIncludeOutside = allowOutside
    options.threads = 1
    return try Linter.run(paths: paths, options: options, rules: rules).findings
}

/// Lints one Corefile text written to a scratch folder as `Corefile`.
func lintCorefile(_ text: String, corednsVersion: String? = nil) throws -> [Finding] {
    let folder = try ScratchFolder()
    defer { folder.cleanUp() }
    let path = try folder.write("Corefile", text)
    return try lint([path], corednsVersion: corednsVersion)
}

extension Array where Element == Finding {
    func codes(_ code: String) -> [Finding] { filter { $0.ruleCode == code } }
}
