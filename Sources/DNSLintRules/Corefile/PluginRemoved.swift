import DNSLintModel
import LDNS
/// DNS2003: a plugin stock CoreDNS dropped (proxy, federation, reverse, startup, shutdown).
struct PluginRemoved: Rule {
    let metadata = RuleMetadata(
        code: "DNS2003",
        name: "plugin-removed",
        summary: "A server block uses a plugin that the judged CoreDNS release no longer ships, so CoreDNS refuses to start.",
        rationale: """
            CoreDNS refuses to start when the Corefile names a plugin its build does not have, so an upgrade that \
            keeps an old Corefile takes cluster DNS down: `proxy` was dropped in 1.5.0 (use forward), `federation` in \
            1.7.0, `reverse` in 1.2.0, `startup` and `shutdown` in 1.1.0. The verdict depends on the release each \
            Corefile is judged against: --coredns-version, else `coredns-version` in the config, else the CoreDNS \
            image of the Corefile's own Deployment. With none of them the release is unknown and the finding is \
            reported under the assumption that it is one without the plugin, and says so. On a release that still \
            has the plugin, DNS2018 reports it as an upgrade blocker instead.
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
        argumentKeys: ArgumentKey.judgedVersion + [
            ArgumentKey("plugin", .string, "The removed plugin."),
            ArgumentKey("removedIn", .string, "The release that removed the plugin."),
            ArgumentKey("reference", .string, "URL of the release note or pull request."),
        ],
        triggering: [
            RuleExample("triggering-1", arguments: ["--coredns-version", "1.14.7"], caption: "proxy on CoreDNS 1.14.7"),
            RuleExample("triggering-2", caption: "no version anywhere: reported under the assumption of a release without proxy"),
        ],
        clean: [
            RuleExample("clean-1"),
            RuleExample("clean-2", arguments: ["--coredns-version", "1.3.1"], caption: "forward in place of proxy (on a release that still had proxy, DNS2018 reports proxy as an upgrade blocker)"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.corefileBlocks.flatMap { corefile, block in
            block.directives.compactMap { directive -> Finding? in
                let version = corefile.coreDNS
                guard let removal = CoreDNSPlugins.removal(of: directive.name), version.isAtLeast(removal.removedIn) else { return nil }
                let assumption = version.assumption(from: removal.removedIn)
                var arguments = version.arguments(assumption: assumption)
                arguments["plugin"] = .string(removal.plugin)
                arguments["removedIn"] = .string(removal.removedIn.description)
                arguments["reference"] = .string(removal.reference)
                let refuses = assumption.map { "CoreDNS \(removal.removedIn) and later refuse to start with this Corefile (\($0))" }
                    ?? "CoreDNS \(version.orLatest) refuses to start with this Corefile"
                return finding(
                    "Plugin \(removal.plugin) was removed in CoreDNS \(removal.removedIn), so \(refuses). Use \(removal.replacement).",
                    at: directive.location, related: version.related, arguments: arguments)
            }
        }
    }
}
