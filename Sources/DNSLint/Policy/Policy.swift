/// What the user decided about rules: which are off and which severities change.
public struct Policy: Sendable {
    /// Codes of disabled rules.
    public var disabled: Set<String> = []
    /// Severity overrides by rule code.
    public var severities: [String: Severity] = [:]

    public init(disabled: Set<String> = [], severities: [String: Severity] = [:]) {
        self.disabled = disabled
        self.severities = severities
    }

    public func apply(to findings: [Finding]) -> [Finding] {
        var kept: [Finding] = []
        kept.reserveCapacity(findings.count)
        for var finding in findings where !disabled.contains(finding.ruleCode) {
            if let severity = severities[finding.ruleCode] { finding.severity = severity }
            kept.append(finding)
        }
        kept.sort(by: Finding.reportOrder)
        // Equal findings sort next to each other (the order compares every field a duplicate shares).
        var unique: [Finding] = []
        unique.reserveCapacity(kept.count)
        for finding in kept where unique.last != finding { unique.append(finding) }
        return unique
    }
}
