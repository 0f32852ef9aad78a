import DNSLintInputs
import DNSLintModel
import DNSLintReporting
import DNSLintRules
import Foundation

/// The pipeline of ARCHITECTURE.md for files and for live answers alike: read inputs, run the context rules
/// once, run the name rules over every view (all at once for files, batch by batch for a live stream),
/// then apply the policy.
package struct Linter {
    package let options: LintOptions
    package let policy: Policy
    /// Enabled name rules, run over each view handed to `judge`.
    private let nameRules: [any Rule]
    /// Every enabled rule, for its `merge` at the end.
    private let enabled: [any Rule]
    /// Parsed inputs every batch of views combines with (Corefiles, manifests, zones).
    private let inputs: [any ParsedInput]
    private var findings: [Finding]
    private let files: Int
    private let skipped: [SkippedFile]
    /// Files read, whose `dnslint:` comments may suppress findings.
    private let filesRead: [String]
    /// Files whose lines the reporters must not quote.
    private let unquotedFiles: Set<String>
    private var summary: [String: ArgumentValue] = [:]

    /// Reads `paths` and runs the rules that judge whole inputs. Throws only for usage problems (exit 2).
    package init(paths: [String], options: LintOptions, policy: Policy = Policy(),
                 rules: [any Rule] = RuleRegistry.all) throws(InputError) {
        let read = try InputReader.read(paths: paths, options: options)
        self.init(read: read, options: options, policy: policy, rules: rules)
    }

    package init(read: ReadInputs, options: LintOptions, policy: Policy = Policy(), rules: [any Rule] = RuleRegistry.all) {
        self.options = options
        self.policy = policy
        let enabled = rules.filter { !policy.disabled.contains($0.metadata.code) }
        self.nameRules = enabled.filter { $0 is any NameRule }
        self.enabled = enabled
        let context = LintContext(options: options, inputs: read.inputs, views: [])
        // The context judged each Corefile's CoreDNS version: later batches and the report reuse that.
        self.inputs = context.inputs
        self.files = read.files
        self.skipped = read.skipped
        self.filesRead = read.paths
        self.unquotedFiles = read.unquotedFiles
        self.findings = Linter.checkInputs(context, rules: enabled)
        findings += read.issues.map(InputIssueRules.finding)
        summary = CaptureTotals.summary(of: read.inputs)
    }

    /// Runs the name rules over `views` (a zone's names, or one batch of live answers). A requested stop
    /// skips the names not yet judged, unless `finishEvenIfStopped` (live answers already paid for).
    package mutating func judge(_ views: [any DNSView], threads: Int? = nil, finishEvenIfStopped: Bool = false) {
        guard !views.isEmpty, !nameRules.isEmpty else { return }
        var batchOptions = options
        if let threads { batchOptions.threads = threads }
        if finishEvenIfStopped { batchOptions.stop = nil }
        let context = LintContext(options: batchOptions, inputs: inputs, views: views)
        Linter.checkNames(context, rules: nameRules, into: &findings)
    }

    /// Findings that come from outside the rules' passes (input problems met while streaming names).
    package mutating func add(_ issues: [InputIssue]) {
        findings += issues.map(InputIssueRules.finding)
    }

    /// Applies the policy and returns the report; `summary` adds input statistics (names, queries, ...).
    package consuming func finish(summary extra: [String: ArgumentValue] = [:]) -> LintReport {
        if let stop = options.stop, let finding = RunIncomplete.finding(for: stop),
           !policy.disabled.contains(finding.ruleCode) {
            findings.append(finding)
        }
        for rule in enabled { rule.merge(&findings) }
        CorefileDirectivePaths(inputs).annotate(&findings)
        SuppressionStage.apply(to: &findings, filesRead: filesRead, policy: policy, options: options)
        policy.apply(to: &findings)
        var report = LintReport(findings: findings, filesChecked: files, extraSummary: summary.merging(extra) { $1 })
        report.skipped = skipped
        report.corefileVersions = CorefileVersionEntry.list(inputs)
        report.maxFileBytes = options.maxFileBytes
        report.unquotedFiles = unquotedFiles
        return report
    }

    /// Lints files and folders. Throws only for usage problems (exit 2).
    package static func run(paths: [String], options: LintOptions, policy: Policy = Policy(),
                            extraViews: [any DNSView] = [], rules: [any Rule] = RuleRegistry.all) throws(InputError) -> LintReport {
        let clock = PhaseClock()
        let read = try InputReader.read(paths: paths, options: options)
        clock.mark("read inputs")
        var linter = Linter(read: read, options: options, policy: policy, rules: rules)
        linter.judge(read.views + extraViews)
        clock.mark("run rules")
        let report = linter.finish()
        clock.mark("sort findings")
        return report
    }

    /// Runs every rule over the context: whole-input checks, then one pass over each view's names.
    package static func evaluate(_ context: LintContext, rules: [any Rule] = RuleRegistry.all) -> [Finding] {
        var findings = checkInputs(context, rules: rules)
        checkNames(context, rules: rules, into: &findings)
        for rule in rules { rule.merge(&findings) }
        return findings
    }

    /// Each rule's whole-input check (a rule that also judges names, like DNS1006, may have both).
    static func checkInputs(_ context: LintContext, rules: [any Rule]) -> [Finding] {
        parallelMap(rules.count, threads: context.options.threads) { rules[$0].check(context) }.flatMap { $0 }
    }

    /// One pass over each view's names for every name rule that this run can trigger; appends to `findings`
    /// (building a separate array and adding it would hold every finding twice for a moment).
    static func checkNames(_ context: LintContext, rules: [any Rule], into findings: inout [Finding]) {
        let checking = rules.compactMap { rule in (rule as? any NameRule)?.nameChecker(context).map { (rule, $0) } }
        guard !checking.isEmpty else { return }
        let checkers = checking.map(\.1)
        let rules = checking.map { FindingDerivation.CheckingRule($0.0) }
        for view in context.views {
            NamePass.run(view: view, checkers: checkers, rules: rules, context: context, into: &findings)
        }
    }
}

/// Resolves every audited name of a view once and hands the answers to each name rule.
enum NamePass {
    /// `rules` names the rule behind each checker, in the same order.
    static func run(view: any DNSView, checkers: [NameChecker], rules: [FindingDerivation.CheckingRule], context: LintContext,
                    into findings: inout [Finding]) {
        let ranges = chunkRanges(view.subjectCount, parts: context.options.threads * 8)
        let derivation = view.rederivesFindings ? FindingDerivation(view: view, checkers: checkers, rules: rules) : nil
        // Read once per chunk: shared objects retained per name by both threads bounce between their caches.
        let stop = context.options.stop
        var chunks = parallelMap(ranges.count, threads: context.options.threads) { chunk in
            var found: [Finding] = []
            // Each chunk calls its own copies: calling a check retains its closure's context, and one context
            // retained by both threads for every name bounces between their caches.
            let checkers = checkers.map(ChunkChecker.init)
            for index in ranges[chunk] {
                if let stop, stop.isRequested {
                    stop.namesNotJudged.add(ranges[chunk].upperBound - index, ordering: .relaxed)
                    break
                }
                let audit = view.audit(at: index)
                for checker in checkers.indices {
                    // Most names have no finding: appending an empty array to an empty one still made a buffer.
                    let produced = checkers[checker].check(audit)
                    guard !produced.isEmpty else { continue }
                    if let derivation {
                        for (ordinal, finding) in produced.enumerated() {
                            found.append(finding.rederivable(by: derivation, name: index, checker: checker, ordinal: ordinal))
                        }
                    } else {
                        found.append(contentsOf: produced)
                    }
                }
            }
            return found
        }
        joinReleasing(&chunks, into: &findings)
    }
}

/// One chunk's own reference to a name check.
private final class ChunkChecker {
    let check: NameChecker
    init(_ check: @escaping NameChecker) { self.check = check }
}

/// Appends per-chunk results, releasing each chunk once it is copied so two full sets never coexist.
func joinReleasing(_ chunks: inout [[Finding]], into joined: inout [Finding]) {
    // Grown geometrically: a live run joins a batch at a time, and reserving the exact count copied every
    // finding so far (into freshly faulted pages) at each batch, quadratic in the names.
    let needed = joined.count + chunks.reduce(0) { $0 + $1.count }
    if needed > joined.capacity { joined.reserveCapacity(max(needed, 2 * joined.capacity)) }
    for index in chunks.indices {
        joined.append(contentsOf: chunks[index])
        chunks[index] = []
    }
}
