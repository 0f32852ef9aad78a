import DNSLintInputs
import DNSLintModel
import DNSLintRules
import Foundation

/// With DNSLINT_FUZZ_RULES=1, runs every rule over what a reader produced, as `dnslint check` would:
/// whole-input rules, then the name rules over (at most 64 of) each view's names, each name resolved once.
/// Off by default: the rules make an input 2 to 10 times slower, and the readers are what is fuzzed.
enum FuzzRules {
    static let enabled = ProcessInfo.processInfo.environment["DNSLINT_FUZZ_RULES"] == "1"

    /// Made once: `LintOptions()` counts the processors, which reads cgroup files.
    static let options: LintOptions = {
        var options = LintOptions()
        options.threads = 1
        return options
    }()

    static func run(_ result: LoadResult) {
        guard enabled else { return }
        let context = LintContext(options: options, inputs: result.inputs, views: result.views)
        var checkers: [NameChecker] = []
        for rule in RuleRegistry.all {
            _ = rule.check(context)
            if let nameRule = rule as? any NameRule, let checker = nameRule.nameChecker(context) { checkers.append(checker) }
        }
        for view in result.views {
            for index in 0..<min(view.subjectCount, 64) {
                let audit = view.audit(at: index)
                for checker in checkers { _ = checker(audit) }
            }
        }
    }
}
