import DNSLintModel
import DNSLintReporting

/// `dnslint merge`: the JSON reports of the shards of one run as one report. Findings are pooled and go
/// through the policy once (sorted, exact duplicates dropped, e.g. the same finding about a CNAME target that
/// two shards reached); counters are added up and the duration is the longest shard's. No file's lines are
/// quoted: the shards read their files in other pods, and a report does not say which of them were zones
/// (files that are not, such as an `$INCLUDE`d .env, are never quoted).
package enum Merge {
    package static func reports(_ paths: [String], policy: Policy = Policy()) throws(InputError) -> LintReport {
        guard !paths.isEmpty else { throw InputError("merge needs the JSON reports of the shards") }
        var findings: [Finding] = []
        var files = 0
        var summary: [String: ArgumentValue] = [:]
        var corefiles: Set<CorefileVersionEntry> = []
        for path in paths {
            let report = try ReportReader.read(path)
            findings += report.findings
            corefiles.formUnion(report.corefileVersions)
            files += report.filesChecked
            for (key, value) in report.extraSummary {
                summary[key] = combine(key, summary[key], value)
            }
        }
        policy.apply(to: &findings)
        var report = LintReport(findings: findings, filesChecked: files, extraSummary: summary)
        report.unquotedFiles = Set(findings.flatMap { [$0.location?.path] + $0.related.map(\.location?.path) }.compactMap { $0 })
        report.corefileVersions = corefiles.sorted { ($0.location, $0.judged.summary) < ($1.location, $1.judged.summary) }
        return report
    }

    private static func combine(_ key: String, _ earlier: ArgumentValue?, _ value: ArgumentValue) -> ArgumentValue {
        switch (earlier, value) {
        case (nil, _): value
        case (.int(let left)?, .int(let right)): .int(left + right)
        // Shards run side by side: the run took as long as its slowest shard.
        case (.number(let left)?, .number(let right)): .number(key == "durationSeconds" ? max(left, right) : left + right)
        default: value
        }
    }
}
