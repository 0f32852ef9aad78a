/// What a name pass keeps to make its findings again: the view and the name rules' checks it ran.
/// A zone's name pass can find a hundred thousand things; each is then kept as a few numbers and made again
/// (its message, related places, arguments and subject) when a reporter reads it, from the zone that stays in
/// memory until then anyway. Name checks are pure, so the second run finds what the first did.
package final class FindingDerivation: Sendable {
    let view: any DNSView
    let checkers: [NameChecker]
    /// Each checker's rule: its findings carry its code and name, so a compact one need not.
    let rules: [CheckingRule]

    /// A name check's rule as the name pass sees it.
    package struct CheckingRule: Sendable {
        let code: String
        let name: String
        /// Only rules that judge DNS data alone keep their findings compact: theirs sit on the zone's own lines,
        /// one name each. Rules that combine a zone with Corefiles or manifests put many names' findings on one
        /// Corefile line, where the policy must read each subject to order them, their checks route through the
        /// Corefiles (dear to run again), and DNS2005's merge reads the marks its checks leave.
        let keepsFindingsCompact: Bool

        package init(_ rule: any Rule) {
            code = rule.metadata.code
            name = rule.metadata.name
            keepsFindingsCompact = Set(rule.metadata.inputs).isSubset(of: [.zone, .live])
        }
    }

    package init(view: any DNSView, checkers: [NameChecker], rules: [CheckingRule]) {
        self.view = view
        self.checkers = checkers
        self.rules = rules
    }

    /// The `ordinal`th finding of checker `checker` on the view's name `name`; nil if the check no longer
    /// finds it (it would be a rule that is not pure).
    func finding(name: Int, checker: Int, ordinal: Int) -> Finding? {
        let found = checkers[checker](view.audit(at: name))
        return ordinal < found.count ? found[ordinal] : nil
    }
}

/// A finding kept as where it comes from, with the fields sorting and policy read (code, severity,
/// location) at hand: under 64 bytes. Immutable, so findings and threads may share one.
final class RederivedFinding: Sendable {
    /// Which check found it on which name, and where it points: what a re-graded copy keeps.
    struct Origin: Sendable {
        var source: FindingDerivation
        var name: Int32
        var checker: UInt16
        var ordinal: UInt16
        var location: SourceLocation?
        var isFromServer: Bool
    }

    let origin: Origin
    let severity: Severity

    init(_ origin: Origin, severity: Severity) {
        self.origin = origin
        self.severity = severity
    }

    var location: SourceLocation? { origin.location }
    var isFromServer: Bool { origin.isFromServer }
    var ruleCode: String { origin.source.rules[Int(origin.checker)].code }
    var ruleName: String { origin.source.rules[Int(origin.checker)].name }

    func with(severity: Severity) -> RederivedFinding {
        severity == self.severity ? self : RederivedFinding(origin, severity: severity)
    }

    /// The whole finding, made again; with the severity the policy may have given it since.
    func finding() -> Finding {
        guard var found = origin.source.finding(name: Int(origin.name), checker: Int(origin.checker),
                                                ordinal: Int(origin.ordinal)) else {
            // Unreachable while name checks are pure; a report still says what is known rather than stopping.
            return Finding(ruleCode: ruleCode, ruleName: ruleName, severity: severity,
                           message: "\(ruleCode) found a problem here that could not be described again.",
                           location: location)
        }
        if found.severity != severity { found.severity = severity }
        return found
    }
}
