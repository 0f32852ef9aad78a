import DNSLintModel
import LDNS
/// DNS2007: a plugin used twice in one server block where CoreDNS refuses it (or, for forward, where
/// the second line can never answer).
struct DuplicatePlugin: Rule {
    let metadata = RuleMetadata(
        code: "DNS2007",
        name: "duplicate-plugin",
        summary: "A plugin appears twice in one server block although CoreDNS allows it only once there, or a second forward for the same zone can never answer.",
        rationale: """
            Most CoreDNS plugins read all their lines of a server block in one setup call, and many of them reject a \
            second one with \"this plugin can only be used once per Server Block\": cache, errors, hosts, kubernetes, \
            loop, prometheus, dnssec, nsid, pprof, ready, grpc, tsig, view, shed (each from the release that added the \
            check). CoreDNS then refuses to start. forward was among them until 1.10.0 (coredns/coredns#5127); since \
            then several forward lines are chained, but a second one for the same zone only ever sees queries the \
            first passes on (with `except` or `next`), so it is dead configuration — a warning.
            """,
        remediation: "Merge the two lines into one (several zones or upstreams fit on one line), or move one into its own server block.",
        severity: .error,
        inputs: [.corefile],
        references: [
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/plugin.go",
            "https://github.com/coredns/coredns/pull/1559",
            "https://github.com/coredns/coredns/pull/5127",
        ],
        argumentKeys: [
            ArgumentKey("plugin", .string, "The plugin that appears twice in the server block."),
            ArgumentKey("corednsVersion", .string, "The CoreDNS release the Corefile was judged against, when known."),
            ArgumentKey("corednsVersionSource", .string, "Where that release came from: flag, config, image or unknown."),
            ArgumentKey("zone", .string, "The zone of a forward line an earlier forward already takes (since CoreDNS 1.10.0)."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "cache twice"),
            RuleExample("triggering-2", arguments: ["--coredns-version", "1.9.3"], caption: "two forwards before 1.10.0"),
            RuleExample("triggering-3", caption: "since 1.10.0, a second forward for a zone an earlier one takes (a warning)"),
        ],
        clean: [
            RuleExample("clean-1", caption: "log twice, and forwards for different zones since 1.10.0"),
        ]
    )

    /// Plugins whose setup rejects a second use in a server block (plugin.ErrOnce), from the release that added the check.
    static let oncePerBlock: [String: CoreDNSVersion] = [
        "cache": CoreDNSVersion(1, 1, 0), "dnssec": CoreDNSVersion(1, 1, 0), "errors": CoreDNSVersion(1, 1, 0),
        "hosts": CoreDNSVersion(1, 1, 0), "kubernetes": CoreDNSVersion(1, 1, 0), "prometheus": CoreDNSVersion(1, 1, 0),
        "nsid": CoreDNSVersion(1, 1, 0), "pprof": CoreDNSVersion(1, 1, 0), "loop": CoreDNSVersion(1, 2, 1),
        "grpc": CoreDNSVersion(1, 5, 0), "ready": CoreDNSVersion(1, 5, 0), "tsig": CoreDNSVersion(1, 9, 4),
        "view": CoreDNSVersion(1, 10, 0), "shed": CoreDNSVersion(1, 14, 7),
    ]
    static let multipleForwardsSince = CoreDNSVersion(1, 10, 0)

    func check(_ context: LintContext) -> [Finding] {
        context.corefileBlocks.flatMap { corefile, block in
            // An unknown release is taken as the latest known: these refusals came with the releases that added them.
            let judged = corefile.coreDNS
            return refused(in: block, judged: judged) + shadowedForwards(in: block, version: judged.orLatest)
        }
    }

    private func refused(in block: Corefile.ServerBlock, judged: JudgedCoreDNSVersion) -> [Finding] {
        let version = judged.orLatest
        var seen: [String: Corefile.Directive] = [:]
        var findings: [Finding] = []
        for directive in block.directives {
            let name = directive.name
            let once = oncePerBlock(name, version: version)
            guard once else { continue }
            if let first = seen[name] {
                let release = judged.isKnown ? judged.name : (name == "forward" ? "CoreDNS before \(Self.multipleForwardsSince)" : "CoreDNS (since \(Self.oncePerBlock[name]?.description ?? "1.0.0"))")
                findings.append(finding(
                    "Plugin \(name) appears again in server block '\(block.title)'; \(release) allows it once per server block and refuses to start.",
                    at: directive.location, related: [first.related("first \(name) line")] + judged.related,
                    arguments: judged.arguments().merging(["plugin": .string(name)]) { $1 }))
            } else {
                seen[name] = directive
            }
        }
        return findings
    }

    private func oncePerBlock(_ name: String, version: CoreDNSVersion) -> Bool {
        if name == "forward" { return version < Self.multipleForwardsSince }
        guard let since = Self.oncePerBlock[name] else { return false }
        return version >= since
    }

    /// Since 1.10.0: a forward for a zone an earlier forward already takes in full.
    private func shadowedForwards(in block: Corefile.ServerBlock, version: CoreDNSVersion) -> [Finding] {
        guard version >= Self.multipleForwardsSince else { return [] }
        var earlier: [(zone: DNSName, directive: Corefile.Directive)] = []
        var findings: [Finding] = []
        for forward in block.directives(named: "forward") {
            guard let from = forward.arguments.first, !from.isUnknownValue else { continue }
            let zone = DNSName(from.text)
            if let first = earlier.first(where: { $0.zone == zone }) {
                findings.append(finding(
                    "forward \(from.text) repeats the zone of an earlier forward line in server block '\(block.title)', so it never receives a query.",
                    at: forward.location, related: [first.directive.related("the forward that takes every query for \(from.text)")],
                    arguments: ["zone": .string(zone.text)], severity: .warning))
            }
            if forward.option("except") == nil, forward.option("next") == nil {
                earlier.append((zone, forward))
            }
        }
        return findings
    }
}
