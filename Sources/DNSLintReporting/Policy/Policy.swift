import DNSLintModel
/// What the user decided about rules: which are off and which severities change, for the whole run
/// (`disabled`, `severities`), for some files (`pathOverrides`) and for some DNS names (`nameIgnores`).
package struct Policy: Sendable {
    /// Codes of disabled rules (the engine does not run them).
    package var disabled: Set<String> = []
    /// Severity overrides by rule code.
    package var severities: [String: Severity] = [:]
    /// Per-path rules, matched against each finding's file relative to `root`; later entries win a severity.
    package var pathOverrides: [PathOverride] = []
    /// Findings of one rule about one DNS name that the team has accepted.
    package var nameIgnores: [NameIgnore] = []
    /// What path overrides are relative to (the configuration file's folder); nil: the working directory.
    package var root: PolicyRoot?

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
        if !nameIgnores.isEmpty {
            // A compact zone finding is made whole (its subject) once, and only when an entry names its rule.
            findings.removeAll { finding in
                guard nameIgnores.contains(where: { $0.codes.contains(finding.ruleCode) }) else { return false }
                let whole = finding.resolved()
                return nameIgnores.contains { $0.drops(whole) }
            }
        }
        if !severities.isEmpty {
            for index in findings.indices {
                if let severity = severities[findings[index].ruleCode] { findings[index].severity = severity }
            }
        }
        if !pathOverrides.isEmpty { applyPathOverrides(to: &findings) }
        Policy.sortInReportOrder(&findings)
        RepeatedLiveFindings.fold(&findings)
        // Duplicates sort into the same run of equal order keys, though not always side by side (findings that
        // tie on every key but differ in arguments may sit between them): compare within the run.
        var write = 0
        var runStart = 0
        for read in findings.indices {
            if write > runStart, Finding.reportOrder(findings[write - 1], findings[read]) { runStart = write }
            let duplicate = findings[runStart..<write].contains(findings[read])
            guard !duplicate else { continue }
            if write != read { findings.swapAt(write, read) }
            write += 1
        }
        findings.removeLast(findings.count - write)
    }

    /// Drops and re-grades findings by the overrides whose globs cover the finding's file. A finding with no
    /// file (a live name without a names-file line) or a file outside `root` matches no override.
    private func applyPathOverrides(to findings: inout [Finding]) {
        let root = self.root ?? PolicyRoot.workingDirectory
        var matching: [String: [PathOverride]] = [:]
        func overrides(for path: String) -> [PathOverride] {
            if let known = matching[path] { return known }
            let found = root.relative(path).map { relative in pathOverrides.filter { $0.covers(relative) } } ?? []
            matching[path] = found
            return found
        }
        findings.removeAll { finding in
            guard let path = finding.location?.path else { return false }
            return overrides(for: path).contains { $0.disabled.contains(finding.ruleCode) }
        }
        for index in findings.indices {
            guard let path = findings[index].location?.path else { continue }
            let code = findings[index].ruleCode
            if let severity = overrides(for: path).compactMap({ $0.severities[code] }).last {
                findings[index].severity = severity
            }
        }
    }
}

extension Policy {
    /// `sort(by: Finding.reportOrder)`, the same order (the same stable algorithm runs on indices, by place
    /// and rule and then within each tie by the rest, so ties keep theirs), but sorting 8-byte indices and
    /// then moving each finding once into place: sorting the findings themselves moves 200-byte values and
    /// takes a scratch copy of half of them, the run's largest allocation after the findings on a zone with
    /// a hundred thousand of them.
    static func sortInReportOrder(_ findings: inout [Finding]) {
        var order = Array(findings.indices)
        // Findings tied on place and rule go on to subject and message. A compact zone finding is made again to
        // read those, so each tied one is made whole once here and kept so: the de-duplication after the sort
        // and the reporters compare and read them again.
        var madeWhole: [(index: Int, finding: Finding)] = []
        findings.withUnsafeBufferPointer { all in
            order.sort { Finding.placeOrder(all[$0], all[$1]) }
            var start = 0
            while start < order.count {
                var end = start + 1
                while end < order.count, !Finding.placeOrder(all[order[start]], all[order[end]]) { end += 1 }
                if end - start > 1 {
                    var tied = order[start..<end].map { (index: $0, finding: all[$0].resolved()) }
                    tied.sort { Finding.reportOrder($0.finding, $1.finding) }
                    order.replaceSubrange(start..<end, with: tied.map(\.index))
                    madeWhole += tied.filter { all[$0.index].isKeptCompact }
                }
                start = end
            }
        }
        for (index, whole) in madeWhole { findings[index] = whole }
        // Position i takes the finding at order[i]: follow each cycle of the permutation once.
        var placed = [Bool](repeating: false, count: findings.count)
        for start in findings.indices where !placed[start] {
            let first = findings[start]
            var current = start
            while true {
                placed[current] = true
                let next = order[current]
                if next == start {
                    findings[current] = first
                    break
                }
                findings[current] = findings[next]
                current = next
            }
        }
    }
}
