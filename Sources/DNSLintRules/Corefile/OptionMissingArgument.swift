import DNSLintModel
import LDNS
/// DNS2015: a plugin or option that needs an argument written without one.
struct OptionMissingArgument: Rule {
    let metadata = RuleMetadata(
        code: "DNS2015",
        name: "option-missing-argument",
        summary: "A plugin or option that needs an argument has none, so CoreDNS refuses to start (\"Wrong argument count or unexpected line ending\").",
        rationale: """
            Each plugin's setup reads its arguments with the Caddyfile dispenser and fails on a missing one: \
            `forward .` with no upstream, `except` with no zone, `policy`, `health_check`, `max_concurrent`, \
            `tls_servername`, kubernetes `endpoint`, `namespaces`, `pods`, `ttl`, cache `success` and `denial`, \
            health `lameduck`, transfer `to`, autopath with no resolv.conf or zone. Such a line is usually a template \
            value that rendered empty or a line cut short by an edit; CoreDNS refuses the whole Corefile, and a \
            reload with it keeps the old configuration. The table follows the plugins' READMEs and setup.go of the \
            latest known release.
            """,
        remediation: "Give the option its argument (the message says what it takes), or delete the line.",
        severity: .error,
        inputs: [.corefile],
        references: [
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/forward/README.md",
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/kubernetes/README.md",
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/cache/README.md",
            "https://github.com/coredns/caddy/blob/master/caddyfile/dispenser.go",
        ],
        argumentKeys: [
            ArgumentKey("plugin", .string, "The plugin the line belongs to."),
            ArgumentKey("option", .string, "The option without its argument (the plugin's name for a plugin line)."),
            ArgumentKey("expects", .string, "What the line takes, as the plugin's README writes it."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "forward options cut short"),
            RuleExample("triggering-2", caption: "a forward with no upstream, and kubernetes options without values"),
        ],
        clean: [
            RuleExample("clean-1", caption: "options that take no argument (force_tcp, prefer_udp, bare tls, noendpoints)"),
        ]
    )

    /// Plugin lines that need arguments: plugin → (fewest arguments, what they are).
    static let plugins: [String: (minimum: Int, expects: String)] = [
        "forward": (2, "FROM TO..."),
        "proxy": (2, "FROM TO..."),
        "autopath": (1, "[ZONE...] RESOLV-CONF"),
        "file": (1, "DBFILE [ZONES...]"),
        "bind": (1, "ADDRESS|IFACE..."),
        "root": (1, "PATH"),
        "template": (2, "CLASS TYPE [ZONE...]"),
        "dnstap": (1, "SOCKET"),
        "tls": (2, "CERT KEY [CA]"),
    ]

    /// Options that need arguments: plugin → option → (fewest arguments, what they are).
    static let options: [String: [String: (minimum: Int, expects: String)]] = [
        "forward": [
            "except": (1, "IGNORED_NAMES..."), "policy": (1, "random|round_robin|sequential"),
            "health_check": (1, "DURATION [no_rec] [domain FQDN]"), "max_concurrent": (1, "MAX"),
            "tls_servername": (1, "NAME"), "expire": (1, "DURATION"), "max_fails": (1, "INTEGER"),
            "next": (1, "RCODE..."), "failover": (1, "RCODE..."), "max_age": (1, "DURATION"),
        ],
        "kubernetes": [
            "endpoint": (1, "URL"), "tls": (3, "CERT KEY CACERT"), "kubeconfig": (1, "KUBECONFIG [CONTEXT]"),
            "namespaces": (1, "NAMESPACE..."), "labels": (1, "EXPRESSION"), "namespace_labels": (1, "EXPRESSION"),
            "pods": (1, "POD-MODE"), "ttl": (1, "TTL"),
        ],
        "cache": [
            "success": (1, "CAPACITY [TTL] [MINTTL]"), "denial": (1, "CAPACITY [TTL] [MINTTL]"),
            "prefetch": (1, "AMOUNT [[DURATION] [PERCENTAGE%]]"), "servfail": (1, "DURATION"), "disable": (1, "success|denial [ZONES...]"),
        ],
        "health": ["lameduck": (1, "DURATION")],
        "hosts": ["ttl": (1, "SECONDS"), "reload": (1, "DURATION")],
        "file": ["reload": (1, "DURATION")],
        "auto": ["directory": (1, "DIR [REGEXP ORIGIN_TEMPLATE]"), "reload": (1, "DURATION")],
        "transfer": ["to": (1, "ADDRESS...|*")],
        "log": ["class": (1, "CLASSES...")],
        "errors": ["consolidate": (2, "DURATION REGEXP [LEVEL]")],
        "template": ["match": (1, "REGEX..."), "answer": (1, "RR"), "additional": (1, "RR"), "authority": (1, "RR"), "rcode": (1, "CODE")],
        "etcd": ["path": (1, "PATH"), "endpoint": (1, "ENDPOINT..."), "credentials": (2, "USERNAME PASSWORD")],
    ]

    func check(_ context: LintContext) -> [Finding] {
        context.inputs(of: Corefile.self).flatMap { corefile -> [Finding] in
            let removed = corefile.removedLines
            return corefile.serverBlocks.flatMap { block in
                block.directives.flatMap { directive -> [Finding] in
                    guard !removed.contains(CorefileLine(directive.location)) else { return [] }
                    var found: [Finding] = []
                    // A placeholder argument may stand for several words: only a line with none at all is judged.
                    if let need = Self.plugins[directive.name], directive.arguments.count < need.minimum,
                       !directive.arguments.contains(where: \.isUnknownValue) {
                        found.append(missing(directive.name, option: directive.name, need: need, at: directive, count: directive.arguments.count))
                    }
                    for option in directive.block where !removed.contains(CorefileLine(option.location)) {
                        guard let need = Self.options[directive.name]?[option.name], option.arguments.count < need.minimum,
                              !option.arguments.contains(where: \.isUnknownValue) else { continue }
                        found.append(missing(directive.name, option: option.name, need: need, at: option, count: option.arguments.count))
                    }
                    return found
                }
            }
        }
    }

    private func missing(_ plugin: String, option: String, need: (minimum: Int, expects: String), at line: Corefile.Directive,
                         count: Int) -> Finding {
        let what = plugin == option ? "Plugin \(plugin)" : "\(plugin) option \(option)"
        let has = count == 0 ? "has no argument" : "has \(count) argument\(count == 1 ? "" : "s")"
        return finding("\(what) \(has); it takes `\(option) \(need.expects)`, so CoreDNS refuses to start with this Corefile.",
                       at: line.location, arguments: ["plugin": .string(plugin), "option": .string(option), "expects": .string(need.expects)])
    }
}
