import Foundation

/// The result of one run: findings after policy, and counts for the summary.
public struct LintReport: Sendable {
    public var findings: [Finding]
    public var filesChecked: Int
    /// Extra summary fields (live runs add names, queries, responses, timeouts, durationSeconds).
    public var extraSummary: [String: ArgumentValue]

    public init(findings: [Finding], filesChecked: Int, extraSummary: [String: ArgumentValue] = [:]) {
        self.findings = findings
        self.filesChecked = filesChecked
        self.extraSummary = extraSummary
    }

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }
}

/// Reads inputs, runs rules, applies policy: the pipeline of DESIGN.md.
public enum Linter {
    /// Lints files and folders. Throws only for usage problems (exit 2).
    public static func run(paths: [String], options: LintOptions, policy: Policy = Policy(),
                           extraViews: [any DNSView] = [], rules: [any Rule] = RuleRegistry.all) throws(InputError) -> LintReport {
        let clock = PhaseClock()
        let collected = try collect(paths: paths, options: options)
        clock.mark("read inputs")
        let context = LintContext(options: options, inputs: collected.inputs, views: collected.views + extraViews)
        let enabled = rules.filter { !policy.disabled.contains($0.metadata.code) }
        var findings = evaluate(context, rules: enabled)
        findings.append(contentsOf: collected.findings)
        clock.mark("run rules")
        policy.apply(to: &findings)
        let report = LintReport(findings: findings, filesChecked: collected.files)
        clock.mark("sort findings")
        return report
    }

    struct Collected {
        var inputs: [any ParsedInput] = []
        var views: [any DNSView] = []
        var findings: [Finding] = []
        var files = 0
    }

    static func collect(paths: [String], options: LintOptions) throws(InputError) -> Collected {
        var collected = Collected()
        for file in try InputDiscovery.files(for: paths, options: options) {
            collected.files += 1
            let result = try load(file, options: options)
            collected.inputs += result.inputs
            collected.views += result.views
            collected.findings += result.findings
        }
        return collected
    }

    static func load(_ discovered: DiscoveredFile, options: LintOptions) throws(InputError) -> LoadResult {
        guard let file = discovered.file, !file.looksBinary else {
            return LoadResult(findings: [InputUnreadable.finding(path: discovered.path, reason: discovered.unreadableReason)])
        }
        return try discovered.loader.load(file, options: options)
    }

    /// Runs every rule over the context: whole-context checks, then one pass over each view's names.
    public static func evaluate(_ context: LintContext, rules: [any Rule] = RuleRegistry.all) -> [Finding] {
        let nameRules = rules.compactMap { $0 as? any NameRule }
        let contextRules = rules.filter { !($0 is any NameRule) }
        var findings = parallelMap(contextRules.count, threads: context.options.threads) {
            contextRules[$0].check(context)
        }.flatMap { $0 }
        let checkers = nameRules.compactMap { $0.nameChecker(context) }
        if !checkers.isEmpty {
            for view in context.views {
                findings.append(contentsOf: NamePass.run(view: view, checkers: checkers, context: context))
            }
        }
        return findings
    }
}

/// Resolves every audited name of a view once and hands the answers to each name rule.
enum NamePass {
    static func run(view: any DNSView, checkers: [NameChecker], context: LintContext) -> [Finding] {
        let ranges = chunkRanges(view.subjectCount, parts: context.options.threads * 8)
        var chunks = parallelMap(ranges.count, threads: context.options.threads) { chunk in
            var found: [Finding] = []
            for index in ranges[chunk] {
                let audit = view.audit(at: index)
                for check in checkers { found.append(contentsOf: check(audit)) }
            }
            return found
        }
        return joinReleasing(&chunks)
    }
}

/// Concatenates per-chunk results, releasing each chunk once it is copied so two full sets never coexist.
func joinReleasing(_ chunks: inout [[Finding]]) -> [Finding] {
    var joined: [Finding] = []
    joined.reserveCapacity(chunks.reduce(0) { $0 + $1.count })
    for index in chunks.indices {
        joined.append(contentsOf: chunks[index])
        chunks[index] = []
    }
    return joined
}
