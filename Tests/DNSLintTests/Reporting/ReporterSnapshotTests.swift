@testable import DNSLintModel
@testable import DNSLintReporting
import Foundation
import Testing

/// Every output format of the two offline runs a user makes, `dnslint check examples/` and `dnslint analyze`
/// of a saved capture, through the built binary from the package root with relative paths, compared byte
/// for byte with `Snapshots/` (`DNSLINT_UPDATE_SNAPSHOTS=1` rewrites them; see Support/Snapshot.swift).
///
/// One thing in these outputs depends on the time: the text summary ends with how long the run took
/// ("6 files checked in 0.13 s."). `withoutRunTime` replaces that number, and nothing else. Everything else is
/// fixed: no timestamps, the only other duration is the one recorded in the capture (`durationSeconds`),
/// paths are the relative ones given on the command line (SARIF URIs too), and the tool version is the package's.
@Suite(.serialized) struct ReporterSnapshotTests {
    /// `*.sarif` is git-ignored (CI output), so the SARIF snapshot is a `.sarif.json`.
    static func fileName(_ run: String, _ format: OutputFormat) -> String {
        switch format {
        case .text: "\(run).text.txt"
        case .json: "\(run).json"
        case .sarif: "\(run).sarif.json"
        case .github: "\(run).github.txt"
        case .rdjsonl: "\(run).rdjsonl"
        case .junit: "\(run).junit.xml"
        }
    }

    /// Runs `dnslint` as a user would; `--color never` because a snapshot is what a log or CI shows, and
    /// `--no-config` because outside a git checkout a `.dnslint.yml` is looked for up to `/`, so a stray one
    /// on some machine would change the output.
    static func output(_ arguments: [String], _ format: OutputFormat) async throws -> String {
        let result = try await runCommand(TestPaths.binary, arguments + ["--format", format.rawValue, "--color", "never", "--no-config"],
                                          in: TestPaths.packageRoot)
        #expect(result.status == 1, "findings at error level fail the run: \(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(!result.stdout.contains("\u{1B}"), "no terminal escapes in \(format.rawValue) output")
        return result.stdout
    }

    /// The two machine-dependent parts, made stable: the text summary's wall-clock time becomes `<time>`, and
    /// SARIF's repository root (`originalUriBaseIds`, an absolute file: URI) becomes `file:///<root>/`.
    static func withoutRunTime(_ output: String, _ format: OutputFormat) -> String {
        if format == .sarif {
            let root = "file://" + TestPaths.packageRoot.standardizedFileURL.path + "/"
            return output.replacingOccurrences(of: "\"uri\": \"\(root)\"", with: "\"uri\": \"file:///<root>/\"")
        }
        guard format == .text else { return output }
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let summary = lines.lastIndex(where: { !$0.isEmpty }) else { return output }
        lines[summary] = lines[summary].replacing(/\ in \d+\.\d\d s\.$/, with: " in <time> s.")
        return lines.joined(separator: "\n")
    }

    @Test(arguments: OutputFormat.allCases)
    func checkOfTheExamples(_ format: OutputFormat) async throws {
        let output = try await Self.output(["check", "examples/"], format)
        Snapshot.expect(Self.withoutRunTime(output, format), matches: Self.fileName("check-examples", format))
    }

    @Test(arguments: OutputFormat.allCases)
    func analyzeOfTheNightlyCapture(_ format: OutputFormat) async throws {
        try NightlyCapture.writeFixturesIfUpdating()
        let output = try await Self.output(["analyze", NightlyCapture.capturePath], format)
        Snapshot.expect(Self.withoutRunTime(output, format), matches: Self.fileName("analyze-nightly", format))
    }

    /// Compared by content, not bytes, so a toolchain that indents JSON differently does not fail it.
    @Test func theCommittedCaptureIsWhatItsBuilderMakes() throws {
        try NightlyCapture.writeFixturesIfUpdating()
        let root = TestPaths.packageRoot
        let committed = try Data(contentsOf: root.appendingPathComponent(NightlyCapture.capturePath))
        let decoded = try JSONDecoder().decode(Capture.self, from: committed)
        #expect(try NightlyCapture.encode(decoded) == NightlyCapture.encode(NightlyCapture.capture()),
                "\(NightlyCapture.capturePath) is not what Support/NightlyCapture.swift makes: run with \(Snapshot.updateVariable)=1")
        Snapshot.expect(Data(try NightlyCapture.namesText().utf8), matches: NightlyCapture.namesPath,
                        at: root.appendingPathComponent(NightlyCapture.namesPath))
    }

    /// The capture is worth snapshotting only while it shows every live rule, each on the name built for it.
    @Test func theNightlyCaptureTriggersTheLiveRules() throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let capture = try folder.write("nightly.capture.json", bytes: NightlyCapture.encode(NightlyCapture.capture()))
        let report = try Lint.report([capture])
        let byName = Dictionary(grouping: report.findings) { $0.location?.line ?? 0 }
        let audited = try NightlyCapture.audited()
        for (index, item) in audited.enumerated() {
            let codes = Set((byName[index + 2] ?? []).map(\.ruleCode))
            let expected = item.why.hasPrefix("DNS") ? String(item.why.prefix(7)) : nil
            if let expected {
                #expect(codes.contains(expected), "\(item.name) is there for \(expected), got \(codes.sorted())")
            } else {
                #expect(codes.isEmpty, "\(item.name) should stay quiet, got \(codes.sorted())")
            }
        }
        let unplaced = report.findings.filter { $0.location == nil }
        #expect(unplaced.map(\.ruleCode) == ["DNS1013"])
        #expect(unplaced.first?.subject?.name == "cli.example.org.")
        #expect(report.findings.last?.location == nil, "a finding without a file comes last")
        #expect(report.extraSummary["names"] == .int(audited.count + 1))
    }
}
