import DNSLintModel
import DNSLintRules
import Foundation

/// Runs the built `dnslint` with a wall-clock bound: a hang becomes a failed expectation, not a stuck test run.
/// Output goes to files, so a child that fills a pipe cannot block either side.
struct BoundedRun {
    var status: Int32
    var stdout: String
    var stderr: String
    var timedOut: Bool

    /// The JSON report's summary object.
    func summary() throws -> [String: Any] {
        let report = try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any]
        return report?["summary"] as? [String: Any] ?? [:]
    }

    /// The JSON report's findings, in report order.
    func findings() throws -> [ReportedFinding] {
        let report = try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any]
        let list = report?["findings"] as? [[String: Any]] ?? []
        return list.map { finding in
            let line = { (object: Any?) in ((object as? [String: Any])?["location"] as? [String: Any])?["line"] as? Int ?? 0 }
            return ReportedFinding(rule: finding["rule"] as? String ?? "", path: ((finding["location"] as? [String: Any])?["path"] as? String) ?? "",
                                   line: line(finding), message: finding["message"] as? String ?? "",
                                   relatedLines: (finding["related"] as? [Any] ?? []).map(line))
        }
    }
}

struct ReportedFinding: Equatable, CustomStringConvertible {
    var rule: String
    var path: String
    var line: Int
    var message: String
    var relatedLines: [Int] = []

    var description: String { "\(rule) \(path):\(line) \(message) \(relatedLines)" }
}

func runBounded(_ arguments: [String], seconds: Double, in folder: URL? = nil, executable: URL = TestPaths.binary) throws -> BoundedRun {
    let scratch = TestPaths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    process.standardOutput = out
    process.standardError = err
    let done = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in done.signal() }
    try process.run()
    var timedOut = false
    if done.wait(timeout: .now() + seconds) == .timedOut {
        timedOut = true
        kill(process.processIdentifier, SIGKILL)
        done.wait()
    }
    try out.close()
    try err.close()
    return BoundedRun(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self), timedOut: timedOut)
}

/// Zone text with an SOA, an NS and glue, then `body`.
func zoneText(origin: String, _ body: String) -> String {
    "$ORIGIN \(origin)\n$TTL 300\n@ IN SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ IN NS ns1\nns1 IN A 192.0.2.1\n" + body
}

extension ReportedFinding {
    init(_ finding: Finding) {
        self.init(rule: finding.ruleCode, path: finding.location?.path ?? "", line: finding.location?.line ?? 0,
                  message: finding.message, relatedLines: finding.related.map { $0.location?.line ?? 0 })
    }
}

/// Lints in-process through the harness (for options the command line does not offer) and returns the
/// findings in report order.
func lintFindings(_ paths: [String], _ options: LintOptions = LintOptions(), rules: [any Rule] = RuleRegistry.all) throws -> [ReportedFinding] {
    try Lint.report(paths, options: options, rules: rules).findings.map(ReportedFinding.init)
}

/// A temporary folder holding `files` (name -> text); removed by the caller.
func folderWith(_ files: [String: String]) throws -> URL {
    let folder = ScratchFolder()
    for (name, text) in files { try folder.write(name, text) }
    return folder.url
}

func makeFIFO(_ url: URL) throws {
    guard mkfifo(url.path, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
}

/// `runBounded` as user `nobody` (for permission tests when the suite runs as root).
func runBoundedAs(nobody arguments: [String], seconds: Double) throws -> BoundedRun {
    try runBounded(["--reuid=65534", "--regid=65534", "--clear-groups", TestPaths.binary.path] + arguments, seconds: seconds,
                   executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
}
