@testable import DNSLint
import DNSLintInputs
import DNSLintModel
import DNSLintReporting
import DNSLintRules
import Foundation
import LDNS

/// "Lint these files, or this text, with these flags, and give me the findings": the engine as
/// `dnslint check` runs it (every registered rule unless told otherwise, the default policy). Flags are
/// spelled as on the command line (`--coredns-version 1.11.1`, `--libc musl`, `--allow-include-outside`)
/// and parsed the way rule examples parse them, so a test reads like the run it stands for.
enum Lint {
    static func report(_ paths: [String], _ flags: [String] = [], rules: [any Rule] = RuleRegistry.all) throws -> LintReport {
        try report(paths, options: LintArguments.options(from: flags), rules: rules)
    }

    /// For options no rule-example flag spells (`maxCNAMEHops`, `threads`), and a policy other than the default.
    static func report(_ paths: [String], options: LintOptions, policy: Policy = Policy(),
                       rules: [any Rule] = RuleRegistry.all) throws -> LintReport {
        try Linter.run(paths: paths, options: options, policy: policy, rules: rules)
    }

    /// As `report`, with every view behind one that keeps its findings whole instead of compact
    /// (`DNSView.rederivesFindings`): what the engine reported before findings were kept compact.
    static func reportKeepingFindingsWhole(_ paths: [String], options: LintOptions = LintOptions(),
                                           policy: Policy = Policy()) throws -> LintReport {
        let read = try InputReader.read(paths: paths, options: options)
        var linter = Linter(read: read, options: options, policy: policy)
        linter.judge(read.views.map { WholeFindingsView(base: $0) })
        return linter.finish()
    }

    static func paths(_ paths: [String], _ flags: [String] = [], rules: [any Rule] = RuleRegistry.all) throws -> [Finding] {
        try report(paths, flags, rules: rules).findings
    }

    /// Writes `files` into a fresh folder and lints the folder, as a user would check a checkout.
    static func files(_ files: [TextFile], _ flags: [String] = [], rules: [any Rule] = RuleRegistry.all) throws -> [Finding] {
        let folder = ScratchFolder()
        defer { folder.remove() }
        for file in files { try folder.write(file.name, file.text) }
        return try paths([folder.path], flags, rules: rules)
    }

    /// Lints `text` saved as a file called `name` (the name decides how it is read: `Corefile`, `x.zone`, ...).
    static func text(_ text: String, named name: String, _ flags: [String] = [],
                     rules: [any Rule] = RuleRegistry.all) throws -> [Finding] {
        try files([TextFile(name, text)], flags, rules: rules)
    }
}

/// A view that answers as another does but keeps its findings whole (the default of `DNSView`).
private struct WholeFindingsView: DNSView {
    let base: any DNSView
    var label: String { base.label }
    var zone: (any ZoneContents)? { base.zone }
    var subjectCount: Int { base.subjectCount }
    func subject(at index: Int) -> AuditSubject { base.subject(at: index) }
    func answer(_ name: DNSName, _ type: RRType) -> DNSAnswer { base.answer(name, type) }
    func audit(at index: Int) -> NameAudit { base.audit(at: index) }
}

/// A file a test writes from text, for inputs it varies line by line (`CombinedRuleTests`); rule examples
/// themselves are folders under rules/examples.
struct TextFile {
    var name: String
    var text: String

    init(_ name: String, _ text: String) {
        self.name = name
        self.text = text
    }
}

/// A fresh folder for the files one test writes; the test calls `remove()` (usually in a `defer`).
struct ScratchFolder {
    let url = TestPaths.temporaryFolder()

    var path: String { url.path }

    /// Writes `text` to `name` (which may contain folders) and returns the file's path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Data(text.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: Data) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try bytes.write(to: file)
        return file.path
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

extension Array where Element == Finding {
    /// The findings of one rule.
    func withCode(_ code: String) -> [Finding] { filter { $0.ruleCode == code } }
}

extension LoadResult {
    /// The reader's problems as the engine reports them (DNS0xxx findings).
    var findings: [Finding] { issues.map(InputIssueRules.finding) }
}
