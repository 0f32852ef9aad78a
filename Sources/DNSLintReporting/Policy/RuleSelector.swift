import DNSLintModel

/// How configuration and flags name rules: a code (`DNS1001`), a name or alias (`cname-chain-no-aaaa`), or a
/// code prefix as in ruff (`DNS1` every DNS data rule, `DNS300` DNS3001-DNS3009, `DNS` every rule).
package struct RuleSelector: Sendable, Hashable, CustomStringConvertible {
    /// As written by the user.
    package let text: String
    /// The codes it names.
    package let codes: Set<String>
    /// When selectors disagree the more specific one decides: a whole rule beats a longer prefix beats a shorter one.
    package let specificity: Int
    /// A code, name or alias of one rule rather than a prefix (suppressions and name ignores take only these).
    package let isRule: Bool

    package var description: String { text }

    /// Nil when `text` names no rule and is no prefix of a code some rule has.
    package init?(_ text: String, rules: [RuleMetadata]) {
        let key = text.trimmingCharacters(in: .whitespaces)
        let lower = key.lowercased()
        if let rule = rules.first(where: { $0.code.lowercased() == lower || $0.name == lower || $0.aliases.contains(lower) }) {
            self.init(text: key, codes: [rule.code], specificity: rule.code.count + 1, isRule: true)
            return
        }
        let upper = key.uppercased()
        guard upper.hasPrefix("DNS"), upper.dropFirst(3).allSatisfy(\.isASCIIDigit) else { return nil }
        let codes = Set(rules.map(\.code).filter { $0.hasPrefix(upper) })
        guard !codes.isEmpty else { return nil }
        self.init(text: key, codes: codes, specificity: upper.count, isRule: false)
    }

    private init(text: String, codes: Set<String>, specificity: Int, isRule: Bool) {
        self.text = text
        self.codes = codes
        self.specificity = specificity
        self.isRule = isRule
    }

    /// The codes left on by `select` (nil: every rule) and `ignore`, ruff style: for each rule the most specific
    /// selector that names it decides, and `ignore` wins a tie. A rule no `select` entry names is off.
    package static func enabledCodes(_ all: [String], select: [RuleSelector]?, ignore: [RuleSelector]) -> Set<String> {
        var enabled = Set<String>()
        for code in all {
            let selected = select.map { list in list.filter { $0.codes.contains(code) }.map(\.specificity).max() ?? -1 } ?? 0
            let ignored = ignore.filter { $0.codes.contains(code) }.map(\.specificity).max() ?? -1
            if selected >= 0, selected > ignored { enabled.insert(code) }
        }
        return enabled
    }

    /// Severity by code from selector entries: the most specific entry decides, the later one a tie.
    package static func severities(_ entries: [(RuleSelector, Severity)]) -> [String: Severity] {
        var chosen: [String: (specificity: Int, severity: Severity)] = [:]
        for (selector, severity) in entries {
            for code in selector.codes where (chosen[code]?.specificity ?? -1) <= selector.specificity {
                chosen[code] = (selector.specificity, severity)
            }
        }
        return chosen.mapValues(\.severity)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
