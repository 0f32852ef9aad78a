import DNSLintModel
/// What the user decided about rules: which are off and which severities change.
package struct Policy: Sendable {
    /// Codes of disabled rules.
    package var disabled: Set<String> = []
    /// Severity overrides by rule code.
    package var severities: [String: Severity] = [:]

    package init(disabled: Set<String> = [], severities: [String: Severity] = [:]) {
        self.disabled = disabled
        self.severities = severities
    }

    package func apply(to findings: [Finding]) -> [Finding] {
        var kept = findings
        apply(to: &kept)
        return kept
    }

    /// Filters, re-grades, sorts and de-duplicates in place: the findings array can be the largest thing in memory.
    package func apply(to findings: inout [Finding]) {
        if !disabled.isEmpty { findings.removeAll { disabled.contains($0.ruleCode) } }
        if !severities.isEmpty {
            for index in findings.indices {
                if let severity = severities[findings[index].ruleCode] { findings[index].severity = severity }
            }
        }
        findings.sort(by: Finding.reportOrder)
        // Equal findings sort next to each other (the order compares every field a duplicate shares).
        var write = 0
        for read in findings.indices where write == 0 || findings[write - 1] != findings[read] {
            if write != read { findings.swapAt(write, read) }
            write += 1
        }
        findings.removeLast(findings.count - write)
    }
}
