import ArgumentParser
import DNSLint
import DNSLintModel
import DNSLintReporting
import DNSLintRules

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule.")

    func run() {
        for rule in RuleRegistry.all.map(\.metadata) {
            let severity = rule.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            print("\(rule.code)  \(severity) \(rule.name.padding(toLength: 34, withPad: " ", startingAt: 0)) \(rule.summary)")
        }
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain", abstract: "Show a rule's documentation.")

    @Argument(help: "A rule code (DNS1001) or name (cname-chain-no-aaaa).")
    var rule: String

    func run() throws {
        guard let found = RuleRegistry.rule(named: rule) else {
            throw ValidationError("no rule \(rule); `dnslint rules` lists them")
        }
        print(try RuleDocs.markdown(for: found.metadata), terminator: "")
    }
}
