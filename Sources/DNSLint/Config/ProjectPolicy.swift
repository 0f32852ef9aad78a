import DNSLintModel
import DNSLintReporting
import DNSLintRules

/// The policy of a run, from the configuration and the command line. The command line wins: `--select`
/// replaces the configuration's `select`, and a rule `--disable` names is off whatever the file says.
package enum ProjectPolicy {
    package static func build(config: ProjectConfig?, select: [String] = [], disable: [String] = [],
                              rules: [RuleMetadata] = RuleRegistry.all.map(\.metadata)) throws(InputError) -> Policy {
        let flagSelect = try selectors(select, flag: "--select", rules: rules)
        let flagDisable = try selectors(disable, flag: "--disable", rules: rules)
        let chosen = flagSelect.isEmpty ? config?.select : flagSelect
        let enabled = RuleSelector.enabledCodes(rules.map(\.code), select: chosen, ignore: config?.ignore ?? [])
        var policy = Policy(disabled: Set(rules.map(\.code)).subtracting(enabled).union(flagDisable.flatMap(\.codes)))
        guard let config else { return policy }
        policy.severities = RuleSelector.severities(config.severities)
        policy.pathOverrides = config.overrides
        policy.nameIgnores = config.nameIgnores
        policy.root = PolicyRoot(folder: config.folder)
        return policy
    }

    static func selectors(_ keys: [String], flag: String, rules: [RuleMetadata]) throws(InputError) -> [RuleSelector] {
        var found: [RuleSelector] = []
        for key in keys {
            guard let selector = RuleSelector(key, rules: rules) else {
                throw InputError("\(flag) \(key): no such rule or code prefix (see `dnslint rules`)")
            }
            found.append(selector)
        }
        return found
    }
}
