import DNSLintModel
import LDNS
/// DNS2016: a rewrite rule whose words do not fit its field's grammar.
struct RewriteFieldCount: Rule {
    let metadata = RuleMetadata(
        code: "DNS2016",
        name: "rewrite-field-count",
        summary: "A rewrite rule has the wrong number of fields for what it rewrites, or no field at all, so CoreDNS refuses to start.",
        rationale: """
            A rewrite rule is `rewrite [continue|stop] FIELD [MATCH] FROM TO`: FIELD is type, class, name, cname, \
            ttl, rcode or edns0; name, cname, ttl and rcode take a match type (exact, prefix, suffix, substring, \
            regex) before FROM; name may end with `answer auto` or `answer name|value FROM TO`; edns0 takes its own \
            words (`edns0 local set CODE DATA`, `edns0 nsid set`, `edns0 subnet set V4BITS V6BITS`). Anything else \
            stops CoreDNS at start-up with \"invalid rule\" or \"wrong argument count\". Old READMEs carry such lines \
            (`rewrite ANY HINFO`, from before FIELD was written out), and an edit that drops FROM or TO leaves one too.
            """,
        remediation: "Write the rule in full: `rewrite name exact old.example.org. new.example.org.`, `rewrite type ANY HINFO`.",
        severity: .error,
        inputs: [.corefile],
        references: [
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/rewrite/README.md",
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/rewrite/setup.go",
        ],
        argumentKeys: [
            ArgumentKey("field", .string, "The field the rule rewrites, as written (or the word where a field was expected)."),
            ArgumentKey("expects", .string, "The form the field takes."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "the v1.2.0 README's rewrite without its field, and a name rule missing its target"),
        ],
        clean: [
            RuleExample("clean-1", caption: "name, type, ttl, edns0 and answer rules in full"),
        ]
    )

    static let matchTypes: Set<String> = ["exact", "prefix", "suffix", "substring", "regex"]
    static let forms: [String: String] = [
        "type": "type FROM TO", "class": "class FROM TO",
        "name": "name [exact|prefix|suffix|substring|regex] FROM TO [answer auto | answer name|value FROM TO]",
        "cname": "cname [exact|prefix|suffix|substring|regex] FROM TO",
        "ttl": "ttl [exact|prefix|suffix|substring|regex] FROM TTL", "rcode": "rcode [exact|prefix|suffix|substring|regex] FROM TO",
        "edns0": "edns0 local|nsid|subnet ACTION ...",
    ]

    func check(_ context: LintContext) -> [Finding] {
        context.corefileBlocks.flatMap { _, block in
            block.directives(named: "rewrite").flatMap { directive -> [Finding] in
                guard !directive.arguments.contains(where: \.isUnknownValue) else { return [] }
                if directive.hasBlock {
                    // `rewrite [continue|stop] { FIELD ... }`: one rule per line of the block.
                    return directive.block.compactMap { line in
                        problem(in: [line.name] + line.args).map { report($0, at: line.location, rule: line.summary) }
                    }
                }
                return problem(in: directive.args).map { [report($0, at: directive.location, rule: directive.summary)] } ?? []
            }
        }
    }

    private func report(_ problem: (field: String, expects: String, text: String), at location: SourceLocation, rule: String) -> Finding {
        finding("\(rule): \(problem.text); expected `rewrite [continue|stop] \(problem.expects)`, so CoreDNS refuses to start with this Corefile.",
                at: location, arguments: ["field": .string(problem.field), "expects": .string(problem.expects)])
    }

    /// What is wrong with one rule's words (after the plugin name), or nil when they fit.
    func problem(in words: [String]) -> (field: String, expects: String, text: String)? {
        var rest = words[...]
        if let first = rest.first, first == "continue" || first == "stop" { rest = rest.dropFirst() }
        guard let fieldWord = rest.first else {
            return ("", "FIELD FROM TO", "the rule names no field")
        }
        let field = fieldWord.lowercased()
        rest = rest.dropFirst()
        guard let form = Self.forms[field] else {
            return (fieldWord, "FIELD FROM TO", "'\(fieldWord)' is not a rewrite field (type, class, name, cname, ttl, rcode, edns0)")
        }
        let count = rest.count
        func wrong(_ expected: String) -> (String, String, String) {
            (field, form, "\(field) takes \(expected) after it, not \(count) word\(count == 1 ? "" : "s")")
        }
        switch field {
        case "type", "class":
            return count == 2 ? nil : wrong("FROM TO")
        case "cname", "ttl", "rcode":
            if let match = rest.first, Self.matchTypes.contains(match.lowercased()) { rest = rest.dropFirst() }
            return rest.count == 2 ? nil : wrong("[MATCH] FROM TO")
        case "name":
            if let match = rest.first, Self.matchTypes.contains(match.lowercased()) { rest = rest.dropFirst() }
            guard rest.count >= 2 else { return wrong("[MATCH] FROM TO") }
            var answer = rest.dropFirst(2)
            while let word = answer.first, word.lowercased() == "answer" {
                answer = answer.dropFirst()
                if answer.first?.lowercased() == "auto" {
                    answer = answer.dropFirst()
                } else if let kind = answer.first?.lowercased(), kind == "name" || kind == "value", answer.count >= 3 {
                    answer = answer.dropFirst(3)
                } else {
                    return (field, form, "its answer clause takes `auto` or `name|value FROM TO`")
                }
            }
            return answer.isEmpty ? nil : wrong("[MATCH] FROM TO [answer ...]")
        default:
            return edns0Problem(rest, form: form)
        }
    }

    private func edns0Problem(_ words: ArraySlice<String>, form: String) -> (field: String, expects: String, text: String)? {
        guard let kind = words.first?.lowercased() else { return ("edns0", form, "edns0 takes local, nsid or subnet after it") }
        let rest = words.dropFirst()
        let action = rest.first?.lowercased()
        let unset = action == "unset"
        let expected: ClosedRange<Int>
        let shape: String
        switch kind {
        case "local":
            (expected, shape) = unset ? (2...2, "local unset CODE") : (3...3, "local set|replace|append CODE DATA")
        case "nsid":
            (expected, shape) = (1...1, "nsid set|replace|append|unset")
        case "subnet":
            (expected, shape) = unset ? (1...1, "subnet unset") : (3...3, "subnet set|replace|append V4BITS V6BITS")
        default:
            return ("edns0", form, "'\(kind)' is not an edns0 rewrite (local, nsid, subnet)")
        }
        return expected.contains(rest.count) ? nil : ("edns0", "edns0 " + shape, "edns0 \(kind) takes `\(shape)`")
    }
}
