import DNSLintModel
import LDNS
/// DNS2004: a plugin option a CoreDNS release deprecated (warning) or removed (error).
struct OptionDeprecated: Rule {
    let metadata = RuleMetadata(
        code: "DNS2004",
        name: "option-deprecated",
        summary: "A plugin option is deprecated on the judged CoreDNS release, or removed from it (an error: CoreDNS refuses to start).",
        rationale: """
            CoreDNS retires plugin options over a few releases: first a no-op with a log line, then a startup error. \
            kubernetes `upstream` and `resyncperiod` were removed in 1.7.0, `transfer to` in file, auto, secondary and \
            kubernetes moved to the transfer plugin in 1.8.0, file/auto `no_reload` and auto's directory TIMEOUT went \
            in 1.5.0, and header rules without `query`/`response` in 1.12.4. A Corefile carried across an upgrade \
            with such an option stops CoreDNS from starting. The verdict follows the release each Corefile is judged \
            against (--coredns-version, `coredns-version` in the config, or the CoreDNS image of its Deployment); with \
            none of them a removed option is reported under the assumption of a release that removed it, and says so. \
            On a release that still accepts a removed option, DNS2018 reports it as an upgrade blocker instead.
            """,
        remediation: "Apply the replacement the message names; github.com/coredns/corefile-migration automates most of them.",
        severity: .warning,
        inputs: [.corefile],
        references: [
            "https://github.com/coredns/coredns/blob/master/notes/coredns-1.5.0.md",
            "https://github.com/coredns/coredns/blob/master/notes/coredns-1.7.0.md",
            "https://github.com/coredns/coredns/blob/master/notes/coredns-1.8.0.md",
            "https://github.com/coredns/coredns/pull/3737",
            "https://github.com/coredns/coredns/pull/7436",
            "https://github.com/coredns/corefile-migration",
        ],
        argumentKeys: ArgumentKey.judgedVersion + [
            ArgumentKey("plugin", .string, "The plugin whose option it is."),
            ArgumentKey("option", .string, "The deprecated or removed option."),
            ArgumentKey("deprecatedIn", .string, "The release that deprecated the option."),
            ArgumentKey("removedIn", .string, "The release that removed the option, when it is removed."),
            ArgumentKey("reference", .string, "URL of the release note or pull request."),
        ],
        triggering: [
            RuleExample("triggering-1", arguments: ["--coredns-version", "1.14.7"], caption: "kubernetes options removed in 1.7.0"),
            RuleExample("triggering-2", arguments: ["--coredns-version", "1.8.0"], caption: "transfer moved to its own plugin in 1.8.0"),
            RuleExample("triggering-3", caption: "no version anywhere: reported under the assumption of a release that removed the option"),
        ],
        clean: [
            RuleExample("clean-1"),
            RuleExample("clean-2", arguments: ["--coredns-version", "1.14.7"], caption: "kubernetes without the options 1.7.0 removed"),
            RuleExample("clean-3", arguments: ["--coredns-version", "1.8.0"], caption: "transfer in its own plugin, as 1.8.0 wants it"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.corefileBlocks.flatMap { corefile, block in
            block.directives.flatMap { directive in
                DeprecatedOptions.all.filter { $0.plugin == directive.name }.flatMap { entry in
                    entry.find(directive).compactMap { finding(for: entry, at: $0, version: corefile.coreDNS) }
                }
            }
        }
    }

    /// Removed options on a release that has removed them (or an unknown one), deprecated ones from the release
    /// that deprecated them; a removed option on a release that still takes it is DNS2018's.
    private func finding(for entry: DeprecatedOption, at location: SourceLocation, version: JudgedCoreDNSVersion) -> Finding? {
        var arguments = version.arguments()
        arguments["plugin"] = .string(entry.plugin)
        arguments["option"] = .string(entry.option)
        arguments["deprecatedIn"] = .string(entry.deprecatedIn.description)
        arguments["reference"] = .string(entry.reference)
        if let removedIn = entry.removedIn {
            guard version.isAtLeast(removedIn) else { return nil }
            arguments["removedIn"] = .string(removedIn.description)
            let assumption = version.assumption(from: removedIn)
            if let assumption { arguments["assumption"] = .string(assumption) }
            let refused = assumption.map { "CoreDNS \(removedIn) and later refuse to start with it (\($0))" }
                ?? "CoreDNS \(version.orLatest) refuses to start with it"
            return finding("\(entry.plugin) option `\(entry.option)` was removed in CoreDNS \(removedIn), so \(refused). Fix: \(entry.advice).",
                           at: location, related: version.related, arguments: arguments, severity: .error)
        }
        guard version.isAtLeast(entry.deprecatedIn) else { return nil }
        return finding("\(entry.plugin) option `\(entry.option)` is deprecated since CoreDNS \(entry.deprecatedIn): \(entry.advice).",
                       at: location, related: version.related, arguments: arguments)
    }
}
