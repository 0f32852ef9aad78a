import DNSLintModel
import LDNS
/// DNS2004: a plugin option a CoreDNS release deprecated (warning) or removed (error).
struct OptionDeprecated: Rule {
    let metadata = RuleMetadata(
        code: "DNS2004",
        name: "option-deprecated",
        summary: "A plugin option is deprecated in the chosen CoreDNS release, or removed from it (an error).",
        rationale: """
            CoreDNS retires plugin options over a few releases: first a no-op with a log line, then a startup error. \
            kubernetes `upstream` and `resyncperiod` were removed in 1.7.0, `transfer to` in file, auto, secondary and \
            kubernetes moved to the transfer plugin in 1.8.0, file/auto `no_reload` and auto's directory TIMEOUT went \
            in 1.5.0, and header rules without `query`/`response` in 1.12.4. A Corefile carried across an upgrade \
            with such an option stops CoreDNS from starting (or, for `log stdout`, silently changes what is logged). \
            The verdict follows --coredns-version (default: the latest known).
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
        argumentKeys: [
            ArgumentKey("plugin", .string, "The plugin whose option it is."),
            ArgumentKey("option", .string, "The deprecated or removed option."),
            ArgumentKey("corednsVersion", .string, "The CoreDNS release the Corefile was judged for."),
            ArgumentKey("deprecatedIn", .string, "The release that deprecated the option."),
            ArgumentKey("removedIn", .string, "The release that removed the option, when it is removed."),
            ArgumentKey("reference", .string, "URL of the release note or pull request."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "kubernetes options removed in 1.7.0"),
            RuleExample("triggering-2", arguments: ["--coredns-version", "1.8.0"], caption: "transfer moved to its own plugin in 1.8.0"),
        ],
        clean: [
            RuleExample("clean-1"),
            RuleExample("clean-2", arguments: ["--coredns-version", "1.5.0"], caption: "upstream was still in use in 1.5.0"),
            RuleExample("clean-3", arguments: ["--coredns-version", "1.7.1"], caption: "transfer to inside file was still right in 1.7.1"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let version = context.corednsVersion
        return context.corefileBlocks.flatMap { _, block in
            block.directives.flatMap { directive in
                DeprecatedOptions.all.filter { $0.plugin == directive.name && version >= $0.deprecatedIn }.flatMap { entry in
                    entry.find(directive).map { finding(for: entry, at: $0, version: version) }
                }
            }
        }
    }

    private func finding(for entry: DeprecatedOption, at location: SourceLocation, version: CoreDNSVersion) -> Finding {
        var arguments: [String: ArgumentValue] = [
            "plugin": .string(entry.plugin), "option": .string(entry.option), "corednsVersion": .string(version.description),
            "deprecatedIn": .string(entry.deprecatedIn.description), "reference": .string(entry.reference),
        ]
        if let removedIn = entry.removedIn {
            arguments["removedIn"] = .string(removedIn.description)
            if version >= removedIn {
                return finding("\(entry.plugin) option `\(entry.option)` was removed in CoreDNS \(removedIn) and is not accepted by \(version): \(entry.advice).",
                               at: location, arguments: arguments, severity: .error)
            }
            return finding("\(entry.plugin) option `\(entry.option)` is deprecated since CoreDNS \(entry.deprecatedIn) and removed in \(removedIn): \(entry.advice).",
                           at: location, arguments: arguments)
        }
        return finding("\(entry.plugin) option `\(entry.option)` is deprecated since CoreDNS \(entry.deprecatedIn): \(entry.advice).",
                       at: location, arguments: arguments)
    }
}
