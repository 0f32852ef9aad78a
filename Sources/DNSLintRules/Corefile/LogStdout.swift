import DNSLintModel
import LDNS
/// DNS2017: `log stdout`, which since CoreDNS 1.0.0 logs only the queries for names under `stdout.`.
struct LogStdout: Rule {
    static let zoneSince = CoreDNSVersion(1, 0, 0)
    static let advice = "delete `stdout`: CoreDNS always logs to standard output, and the word is read as a zone"
    static let reference = "https://github.com/coredns/coredns/blob/master/notes/coredns-1.0.0.md"

    let metadata = RuleMetadata(
        code: "DNS2017",
        name: "log-stdout",
        summary: "`log stdout` logs only the queries for names under `stdout.`: since CoreDNS 1.0.0 the log plugin reads its arguments as zones.",
        rationale: """
            Before CoreDNS 1.0.0, `log stdout` chose where the log went. 1.0.0 dropped the output argument (CoreDNS \
            always logs to standard output) and reads `log [NAMES...] [FORMAT]`, so `stdout` became a zone: the \
            plugin now logs the queries for `stdout.` and the names below it — in practice none. Old manifests \
            (kube-up's addon, coredns/deployment's first templates) still carry the line, and the query log people \
            count on during an incident is empty. CoreDNS starts without complaint, so nothing else says so. On a \
            release before 1.0.0, DNS2018 reports the line as an upgrade blocker instead.
            """,
        remediation: "Write `log` alone (every query), or `log ZONE...` for the zones to log.",
        severity: .warning,
        inputs: [.corefile],
        references: [
            "https://github.com/coredns/coredns/blob/master/notes/coredns-1.0.0.md",
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/log/README.md",
        ],
        argumentKeys: ArgumentKey.judgedVersion,
        triggering: [
            RuleExample("triggering-1", arguments: ["--coredns-version", "1.14.7"], caption: "kube-up's old addon Corefile"),
            RuleExample("triggering-2", caption: "no version anywhere: reported as on 1.0.0 or later"),
        ],
        clean: [
            RuleExample("clean-1", caption: "log alone, and log for one zone with a format"),
        ]
    )

    /// The `stdout` argument of a log line, if it has one.
    static func argument(of directive: Corefile.Directive) -> Corefile.Argument? {
        guard directive.name == "log" else { return nil }
        return directive.arguments.first { !$0.quoted && $0.text.lowercased() == "stdout" }
    }

    func check(_ context: LintContext) -> [Finding] {
        context.corefileBlocks.flatMap { corefile, block in
            block.directives(named: "log").compactMap { directive -> Finding? in
                let version = corefile.coreDNS
                guard let stdout = Self.argument(of: directive), version.isAtLeast(Self.zoneSince) else { return nil }
                let assumption = version.assumption(from: Self.zoneSince)
                let note = assumption.map { " (\($0))" } ?? ""
                return finding(
                    "\(directive.summary) logs only the queries for names under stdout., not every query: since CoreDNS \(Self.zoneSince) the log plugin reads `stdout` as a zone\(note). Write `log` alone.",
                    at: stdout.location, related: version.related, arguments: version.arguments(assumption: assumption))
            }
        }
    }
}
