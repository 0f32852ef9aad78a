import DNSLintModel
import LDNS
/// DNS2006: a directive that is no plugin of the chosen CoreDNS build.
struct UnknownPlugin: Rule {
    let metadata = RuleMetadata(
        code: "DNS2006",
        name: "unknown-plugin",
        summary: "A server block names a plugin that the stock CoreDNS build of the chosen release does not have.",
        rationale: """
            CoreDNS refuses to start on a directive it does not know, and a typo (`forwrd`, `kubernets`) in a \
            ConfigMap takes cluster DNS down at the next reload or restart. The list of plugins comes from plugin.cfg \
            of every release up to the latest known, so a plugin newer than the release the Corefile is judged \
            against (--coredns-version, the config, or its Deployment's image; the latest known when unknown) is reported too. \
            Plugins compiled into a custom build (external plugins) are unknown to a stock build: suppress this \
            finding for them.
            """,
        remediation: "Fix the spelling (the message suggests the nearest plugin), upgrade CoreDNS to a release that has the plugin, or use a build that compiles it in.",
        severity: .error,
        inputs: [.corefile],
        references: [
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin.cfg",
            "https://coredns.io/plugins/",
            "https://coredns.io/explugins/",
        ],
        argumentKeys: [
            ArgumentKey("plugin", .string, "The directive that is not a plugin of the release."),
            ArgumentKey("addedIn", .string, "The release that first shipped the plugin, when it is only newer than the chosen one."),
            ArgumentKey("suggestion", .string, "The nearest plugin name, when one is close enough."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "a typo"),
            RuleExample("triggering-2", arguments: ["--coredns-version", "1.9.3"], caption: "a plugin newer than the release"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    /// The first release whose plugin.cfg the table reads.
    static let firstTabulated = CoreDNSVersion(1, 0, 0)

    /// Names people write for a plugin whose directive is spelled differently.
    static let aliases = ["metrics": "prometheus", "forwarder": "forward", "k8s": "kubernetes", "logs": "log"]

    func check(_ context: LintContext) -> [Finding] {
        context.corefileBlocks.flatMap { corefile, block in
            // An unknown release is taken as the latest known: a plugin is only missing from a known older one.
            let version = corefile.coreDNS.orLatest
            return block.directives.compactMap { directive -> Finding? in
                let name = directive.name
                if CoreDNSPlugins.isAvailable(name, in: version) || CoreDNSPlugins.removal(of: name) != nil { return nil }
                // The table starts at 1.0.0: the 0.9 releases ran the same plugins as "middleware".
                if let added = CoreDNSPlugins.added[name], added <= Self.firstTabulated, version < Self.firstTabulated { return nil }
                if !CorefilePlaceholders.find(in: name).isEmpty || CorefilePlaceholders.hasEnvironmentReference(name) { return nil }
                if let added = CoreDNSPlugins.added[name] {
                    return finding("Plugin \(name) is not in CoreDNS \(version); it first shipped in \(added). Upgrade CoreDNS or remove the line.",
                                   at: directive.location,
                                   arguments: ["plugin": .string(name), "addedIn": .string(added.description)])
                }
                var arguments: FindingArguments = ["plugin": .string(name)]
                var message = "Plugin \(name) is not a CoreDNS plugin, so CoreDNS refuses to start with this Corefile."
                if let suggestion = Self.suggestion(for: name, version: version) {
                    message = "Plugin \(name) is not a CoreDNS plugin; did you mean \(suggestion)? CoreDNS refuses to start with this Corefile."
                    arguments["suggestion"] = .string(suggestion)
                } else {
                    message += " If it is an external plugin compiled into your build, suppress this finding."
                }
                return finding(message, at: directive.location, arguments: arguments)
            }
        }
    }

    /// The closest plugin name within a small edit distance, or a known alias.
    static func suggestion(for name: String, version: CoreDNSVersion) -> String? {
        let lower = name.lowercased()
        if let alias = aliases[lower] { return alias }
        let candidates = CoreDNSPlugins.added.keys.filter { CoreDNSPlugins.isAvailable($0, in: version) }.sorted()
        let limit = max(1, min(3, lower.count / 3))
        // The distance is at least the difference in length: skip those that cannot be close (and long names,
        // which would otherwise cost length x length per candidate).
        let scored = candidates.filter { abs($0.count - lower.count) <= limit }
            .map { ($0, editDistance(lower, $0)) }.filter { $0.1 <= limit }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
