import DNSLintModel
import LDNS
/// The one list of every rule dnslint has. Each family keeps its own list in its folder.
package enum RuleRegistry {
    package static let all: [any Rule] = InputRules.all + DataRules.all + LiveRules.all + CorefileRules.all
        + ResolvConfRules.all + CombinedRules.all

    /// Finds a rule by code (`DNS1001`), name (`cname-chain-no-aaaa`) or alias, ignoring case.
    package static func rule(named key: String) -> (any Rule)? {
        let wanted = key.lowercased()
        return all.first { rule in
            let meta = rule.metadata
            return meta.code.lowercased() == wanted || meta.name == wanted || meta.aliases.contains(wanted)
        }
    }
}
