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
        var seen = Set<Finding>()
        for var finding in findings where !disabled.contains(finding.ruleCode) {
            if let severity = severities[finding.ruleCode] { finding.severity = severity }
            if seen.insert(finding).inserted { kept.append(finding) }
        }
        return kept.sorted(by: Finding.reportOrder)
    }
}
