import DNSLintModel
import LDNS
/// DNS3005: a search list longer than some resolvers keep.
struct SearchListTooLong: Rule {
    let metadata = RuleMetadata(
        code: "DNS3005",
        name: "search-list-too-long",
        summary: "The search list has more than 6 domains or 256 characters (cut by glibc before 2.26), or its line is too long for musl, which then ignores it.",
        rationale: """
            glibc before 2.26 (CentOS 7, old Debian and Ubuntu images) keeps at most 6 search domains and 256 \
            characters and silently drops the rest. musl reads resolv.conf in 256-byte lines and skips any line \
            that does not fit, so a long search line is ignored entirely and no search domain is applied. The \
            kubelet cuts a pod's list at 32 domains and 2048 characters. Services then resolve in some \
            containers and not in others.
            """,
        remediation: "Shorten the search list: drop domains nobody uses, or use fully qualified names instead of relying on search.",
        severity: .warning,
        inputs: [.resolvConf, .manifest],
        references: [
            "https://sourceware.org/glibc/wiki/Release/2.26",
            "https://git.musl-libc.org/cgit/musl/tree/src/network/resolvconf.c",
            "https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-dns-config",
        ],
        argumentKeys: [
            ArgumentKey("bytes", .int, "Length of the search or domain line musl skips, in bytes with its newline."),
            ArgumentKey("domains", .int, "Number of search domains."),
            ArgumentKey("characters", .int, "Length of the search list in characters."),
            ArgumentKey("dropped", .strings, "The domains glibc before 2.26 drops."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "seven search domains"),
            RuleExample("triggering-2", arguments: ["--libc", "musl"], caption: "a search line musl skips"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    static let glibcLegacyDomains = 6
    static let glibcLegacyCharacters = 256
    static let kubeletDomains = 32
    static let kubeletCharacters = 2048

    func check(_ context: LintContext) -> [Finding] {
        context.inputs(of: ResolvConf.self).flatMap { conf in
            let effective = conf.effective(for: context.options.libc)
            var found: [Finding] = []
            for line in effective.droppedLines where line.keyword == .search || line.keyword == .domain {
                found.append(finding(
                    "\(line.keyword.rawValue) line\(conf.podClause) is \(line.byteLength + 1) bytes with its newline; musl skips lines of 256 bytes or more, so none of its \(line.values.count) domains is searched.",
                    at: line.location, arguments: ["bytes": .int(line.byteLength + 1)]))
            }
            let search = effective.search
            guard let line = effective.searchLine, !search.isEmpty else { return found }
            let characters = search.reduce(0) { $0 + $1.text.utf8.count + 1 }
            if let pod = conf.pod, search.count > Self.kubeletDomains || characters - 1 > Self.kubeletCharacters {
                found.append(finding(
                    "The search list for \(pod.description) has \(search.count) domains and \(characters - 1) characters; the kubelet keeps at most \(Self.kubeletDomains) domains and \(Self.kubeletCharacters) characters and drops the rest.",
                    at: line.location, arguments: ["domains": .int(search.count), "characters": .int(characters - 1)]))
            } else if effective.libc == .glibc, search.count > Self.glibcLegacyDomains || characters > Self.glibcLegacyCharacters {
                let cut = Self.legacyKept(search.map(\.text))
                let dropped = search.dropFirst(cut).map(\.text)
                found.append(finding(
                    "The search list\(conf.podClause) has \(search.count) domains and \(characters - 1) characters; glibc before 2.26 keeps only the first \(cut) and silently drops \(dropped.joined(separator: ", ")).",
                    at: search.count > cut ? search[cut].location : line.location,
                    arguments: ["domains": .int(search.count), "characters": .int(characters - 1), "dropped": .strings(dropped)]))
            }
            return found
        }
    }

    /// How many domains glibc before 2.26 kept: at most 6, and only while they fit in 256 bytes with their NULs.
    static func legacyKept(_ domains: [String]) -> Int {
        var used = 0
        var kept = 0
        for domain in domains.prefix(glibcLegacyDomains) {
            used += domain.utf8.count + 1
            if used > glibcLegacyCharacters { break }
            kept += 1
        }
        return kept
    }
}
