import ArgumentParser
import DNSLint
import DNSLintModel
import DNSLintReporting
import Foundation

/// The CI gate: accept today's findings once, then report only new ones.
struct GateOptions: ParsableArguments {
    @Option(name: .long, help: "Report only findings this baseline file does not hold (keyed without line numbers).")
    var baseline: String?

    @Option(name: .long, help: "Write every finding of this run to a baseline file, then exit 0.")
    var writeBaseline: String?

    func validate() throws {
        if baseline != nil, writeBaseline != nil {
            throw ValidationError("give --baseline or --write-baseline, not both")
        }
    }

    /// Writes the baseline when asked (true: the run ends there), else drops the findings it accepts.
    func apply(to report: inout LintReport, keys: FindingKeys) throws -> Bool {
        if let writeBaseline {
            // A baseline that cannot be read or written is one line naming it (InputError), not a usage dump.
            try Baseline(findings: report.findings, keys: keys).write(to: writeBaseline)
            FileHandle.standardError.write(Data("dnslint: wrote \(report.findings.count.counted("finding")) to \(writeBaseline)\n".utf8))
            return true
        }
        if let baseline {
            Self.keepNew(&report, try Baseline(contentsOf: baseline), keys)
        }
        return false
    }

    static func keepNew(_ report: inout LintReport, _ baseline: Baseline, _ keys: FindingKeys) {
        let (new, accepted) = baseline.newFindings(in: report.findings, keys: keys)
        report.findings = new
        if case .int(let earlier) = report.extraSummary["baselined"] {
            report.extraSummary["baselined"] = .int(earlier + accepted)
        } else {
            report.extraSummary["baselined"] = .int(accepted)
        }
    }
}
