import DNSLintInputs
import DNSLintModel
import DNSLintReporting
import DNSLintRules

/// Inline suppressions in the engine: read the `dnslint:` comments of the files a run read (and of files
/// reached from them, such as `$INCLUDE`d zones, which findings name by their own path), drop the findings
/// they cover, and report what is wrong with them as DNS0006 findings.
enum SuppressionStage {
    static func apply(to findings: inout [Finding], filesRead: [String], policy: Policy, options: LintOptions) {
        var files = filesRead
        var seen = Set(filesRead)
        var last = ""
        // Findings come grouped by file: compare with the previous path before hashing.
        for finding in findings {
            guard let path = finding.location?.path, path != last else { continue }
            last = path
            if seen.insert(path).inserted { files.append(path) }
        }
        // Read as inputs are: regular files only (never a FIFO that could hang the run), within the size and
        // line limits; each once, a block at a time, split into lines only around a `dnslint:`.
        let suppressions = InlineSuppressions(files: files, rules: RuleRegistry.all.map(\.metadata), keep: options.maxLineBytes) { path in
            LineReader(path: path, limit: options.maxFileBytes)
        }
        guard !suppressions.isEmpty else { return }
        let selfCode = UnusedSuppression().metadata.code
        let problems = suppressions.apply(to: &findings, notRun: policy.disabled, selfCode: selfCode,
                                          reportUnused: options.stop?.why == nil)
        guard !policy.disabled.contains(selfCode) else { return }
        findings += problems.map(finding)
    }

    static func finding(_ problem: SuppressionProblem) -> Finding {
        let suppression = problem.suppression
        switch problem.kind {
        case .unused(let codes): return UnusedSuppression.unused(codes, directive: suppression.directive, at: suppression.location)
        case .missingReason: return UnusedSuppression.missingReason(suppression.codes, at: suppression.location)
        case .unknownRules(let keys): return UnusedSuppression.unknownRules(keys, at: suppression.location)
        case .unknownDirective(let directive): return UnusedSuppression.malformed(directive, at: suppression.location)
        case .noRules: return UnusedSuppression.malformed(suppression.directive, at: suppression.location)
        }
    }
}
