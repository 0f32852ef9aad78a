import DNSLintModel
import LDNS
/// DNS2018: a plugin or option the judged (known) release still has, but a later release removes.
struct UpgradeBlocker: Rule {
    let metadata = RuleMetadata(
        code: "DNS2018",
        name: "upgrade-blocker",
        summary: "A plugin or option works on the judged CoreDNS release, but a later release removes it: upgrading past that release with this Corefile stops CoreDNS from starting.",
        rationale: """
            A Corefile that runs today is not accepted silently when it holds something a later release removes: \
            `proxy` (removed in 1.5.0), kubernetes `upstream` and `resyncperiod` (1.7.0), `transfer to` inside file, \
            auto, secondary and kubernetes (1.8.0), file/auto `no_reload` (1.5.0), header rules without \
            `query`/`response` (1.12.4), `federation` (1.7.0), and the meaning of `log stdout` (1.0.0, when the word \
            became a zone). The cluster works until the CoreDNS upgrade, and then cluster DNS is down at once — \
            corefile-migration exists for this reason. The rule needs a known release (--coredns-version, \
            `coredns-version` in the config, or the CoreDNS image of the Corefile's own Deployment); with the \
            release unknown, DNS2003, DNS2004 and DNS2017 report the same lines as if the release had removed them.
            """,
        remediation: "Make the change before the upgrade (the message names the replacement); github.com/coredns/corefile-migration automates most of them.",
        severity: .warning,
        inputs: [.corefile, .manifest],
        references: [
            "https://github.com/coredns/corefile-migration",
            "https://github.com/coredns/coredns/blob/master/notes/coredns-1.5.0.md",
            "https://github.com/coredns/coredns/blob/master/notes/coredns-1.7.0.md",
            "https://github.com/coredns/coredns/blob/master/notes/coredns-1.8.0.md",
            "https://github.com/coredns/coredns/blob/master/notes/coredns-1.0.0.md",
        ],
        // Never an assumption: the rule needs a known release.
        argumentKeys: ArgumentKey.judgedVersion.filter { $0.key != "assumption" } + [
            ArgumentKey("plugin", .string, "The plugin that is removed, or whose option is."),
            ArgumentKey("option", .string, "The option a later release removes, when it is an option."),
            ArgumentKey("removedIn", .string, "The release that removes it."),
            ArgumentKey("reference", .string, "URL of the release note or pull request."),
        ],
        triggering: [
            RuleExample("triggering-1", arguments: ["--coredns-version", "1.3.1"], caption: "the kops 1.3.1 era Corefile: proxy and kubernetes upstream"),
            RuleExample("triggering-2", caption: "the version read from the CoreDNS image in the same manifest"),
        ],
        clean: [
            RuleExample("clean-1", arguments: ["--coredns-version", "1.3.1"], caption: "the same cluster on forward, without upstream"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.corefileBlocks.flatMap { corefile, block -> [Finding] in
            let judged = corefile.coreDNS
            guard let version = judged.version else { return [] }
            var found: [Finding] = []
            for directive in block.directives {
                if let removal = CoreDNSPlugins.removal(of: directive.name), version < removal.removedIn {
                    found.append(blocker("Plugin \(removal.plugin)", plugin: removal.plugin, option: nil, removedIn: removal.removedIn,
                                         deprecatedIn: removal.deprecatedIn, fix: "use \(removal.replacement)", reference: removal.reference,
                                         at: directive.location, judged: judged))
                }
                for entry in DeprecatedOptions.all where entry.plugin == directive.name {
                    guard let removedIn = entry.removedIn, version < removedIn else { continue }
                    for location in entry.find(directive) {
                        found.append(blocker("\(entry.plugin) option `\(entry.option)`", plugin: entry.plugin, option: entry.option,
                                             removedIn: removedIn, deprecatedIn: entry.deprecatedIn, fix: entry.advice,
                                             reference: entry.reference, at: location, judged: judged))
                    }
                }
                if let stdout = LogStdout.argument(of: directive), version < LogStdout.zoneSince {
                    found.append(blocker("log `stdout`", plugin: "log", option: "stdout", removedIn: LogStdout.zoneSince,
                                         deprecatedIn: LogStdout.zoneSince, fix: LogStdout.advice, reference: LogStdout.reference,
                                         at: stdout.location, judged: judged, changes: true))
                }
            }
            return found
        }
    }

    private func blocker(_ what: String, plugin: String, option: String?, removedIn: CoreDNSVersion, deprecatedIn: CoreDNSVersion,
                         fix: String, reference: String, at location: SourceLocation, judged: JudgedCoreDNSVersion,
                         changes: Bool = false) -> Finding {
        var arguments = judged.arguments()
        arguments["plugin"] = .string(plugin)
        if let option { arguments["option"] = .string(option) }
        arguments["removedIn"] = .string(removedIn.description)
        arguments["reference"] = .string(reference)
        let deprecated = judged.isAtLeast(deprecatedIn) && deprecatedIn < removedIn ? " (deprecated since \(deprecatedIn))" : ""
        let effect = changes ? "changes its meaning" : "removes it\(deprecated): an upgrade to \(removedIn) or later does not start with this Corefile"
        return finding("\(what) works on \(judged.name), but CoreDNS \(removedIn) \(effect). Before upgrading, \(fix).",
                       at: location, related: judged.related, arguments: arguments)
    }
}
