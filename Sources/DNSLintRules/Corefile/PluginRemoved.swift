import DNSLintModel
import LDNS
/// DNS2003: a plugin stock CoreDNS dropped (proxy, federation, reverse, startup, shutdown).
struct PluginRemoved: Rule {
    let metadata = RuleMetadata(
        code: "DNS2003",
        name: "plugin-removed",
        summary: "A server block uses a plugin that the chosen CoreDNS release no longer ships (or, as a warning, has deprecated).",
        rationale: """
            CoreDNS refuses to start when the Corefile names a plugin its build does not have, so an upgrade that \
            keeps an old Corefile takes cluster DNS down: `proxy` was dropped in 1.5.0 (use forward), `federation` in \
            1.7.0, `reverse` in 1.2.0, `startup` and `shutdown` in 1.1.0. The verdict depends on the release: pass \
            --coredns-version (default: the latest known) to check the version you run or are about to run.
            """,
        remediation: "Replace the plugin as the message says before upgrading; for proxy, `forward . /etc/resolv.conf` takes the same upstreams (options differ: see the forward README).",
        severity: .error,
        inputs: [.corefile],
        references: [
            "https://github.com/coredns/coredns/blob/master/notes/coredns-1.4.0.md",
            "https://github.com/coredns/coredns/blob/master/notes/coredns-1.5.0.md",
            "https://github.com/coredns/coredns/blob/master/notes/coredns-1.7.0.md",
            "https://github.com/coredns/coredns/blob/master/notes/coredns-1.1.0.md",
            "https://github.com/coredns/coredns/blob/master/notes/coredns-1.1.4.md",
            "https://github.com/coredns/corefile-migration",
        ],
        argumentKeys: [
            ArgumentKey("plugin", .string, "The removed plugin."),
            ArgumentKey("corednsVersion", .string, "The CoreDNS release the Corefile was judged for."),
            ArgumentKey("removedIn", .string, "The release that removed the plugin."),
            ArgumentKey("reference", .string, "URL of the release note or pull request."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "proxy on the latest CoreDNS"),
            RuleExample("triggering-2", arguments: ["--coredns-version", "1.4.0"], caption: "deprecated (a warning) in 1.4.0"),
        ],
        clean: [
            RuleExample("clean-1"),
            RuleExample("clean-2", arguments: ["--coredns-version", "1.3.1"], caption: "proxy was fine in 1.3.1"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let version = context.corednsVersion
        return context.corefileBlocks.flatMap { _, block in
            block.directives.compactMap { directive -> Finding? in
                guard let removal = CoreDNSPlugins.removal(of: directive.name), version >= removal.deprecatedIn else { return nil }
                let arguments: [String: ArgumentValue] = [
                    "plugin": .string(removal.plugin), "corednsVersion": .string(version.description),
                    "removedIn": .string(removal.removedIn.description), "reference": .string(removal.reference),
                ]
                if version >= removal.removedIn {
                    return finding(
                        "Plugin \(removal.plugin) was removed in CoreDNS \(removal.removedIn), so CoreDNS \(version) refuses to start with this Corefile. Use \(removal.replacement).",
                        at: directive.location, arguments: arguments)
                }
                return finding(
                    "Plugin \(removal.plugin) is deprecated since CoreDNS \(removal.deprecatedIn) and removed in \(removal.removedIn). Use \(removal.replacement).",
                    at: directive.location, arguments: arguments, severity: .warning)
            }
        }
    }
}
