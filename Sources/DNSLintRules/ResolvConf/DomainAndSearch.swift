import DNSLintModel
import LDNS
/// DNS3007: several `domain`/`search` lines; only the last one counts.
struct DomainAndSearch: Rule {
    let metadata = RuleMetadata(
        code: "DNS3007",
        name: "domain-and-search",
        summary: "resolv.conf has both domain and search (or several of them); the resolver uses only the last one.",
        rationale: """
            `domain` and `search` set the same list, and glibc and musl keep whichever comes last. A `domain` \
            line written after `search` throws the whole search list away; a second `search` line replaces the \
            first instead of adding to it. Tools that merge resolv.conf fragments (DHCP hooks, VPN clients) \
            produce this often.
            """,
        remediation: "Keep a single search line listing every domain, and drop domain.",
        severity: .warning,
        inputs: [.resolvConf],
        references: [
            "https://man7.org/linux/man-pages/man5/resolv.conf.5.html",
            "https://sourceware.org/git/?p=glibc.git;a=blob;f=resolv/res_init.c",
        ],
        argumentKeys: [
            ArgumentKey("overridden", .strings, "The domains of the line that has no effect."),
            ArgumentKey("effective", .strings, "The domains of the later line that wins."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "domain after search drops example.com"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.inputs(of: ResolvConf.self).flatMap { conf -> [Finding] in
            guard conf.pod == nil else { return [] }
            let effective = conf.effective(for: context.options.libc)
            guard let winner = effective.searchLine else { return [] }
            let setters = conf.lines.filter { ($0.keyword == .search || $0.keyword == .domain) && !$0.values.isEmpty }
            return setters.filter { $0.location != winner.location }.map { line in
                let lost = line.values.map(\.text).joined(separator: " ")
                let winnerText = winner.values.map(\.text).joined(separator: " ")
                return finding(
                    "\(line.keyword.rawValue) \(lost) has no effect: the \(winner.keyword.rawValue) line at line \(winner.location.line) comes later and replaces it, so the search list is \(winnerText.isEmpty ? "empty" : winnerText).",
                    at: line.location,
                    related: [RelatedLocation(message: "the \(winner.keyword.rawValue) line that wins", location: winner.location)],
                    arguments: ["overridden": .strings(line.values.map(\.text)), "effective": .strings(winner.values.map(\.text))])
            }
        }
    }
}
