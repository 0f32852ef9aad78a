import DNSLintModel
import LDNS

/// DNS1019: `www CNAME cdn.example.net` inside `example.com.` means `cdn.example.net.example.com.`.
struct TargetMissingTrailingDot: Rule {
    let metadata = RuleMetadata(
        code: "DNS1019",
        name: "target-missing-trailing-dot",
        summary: "A target written without its trailing dot ends in a public top-level domain, so the origin was appended to a name that was meant to be absolute.",
        rationale: """
            In a zone file a name without a trailing dot is relative: the `$ORIGIN` is appended to it \
            (RFC 1035 5.1). `www CNAME cdn.example.net` inside `example.com.` therefore points at \
            `cdn.example.net.example.com.`, not at `cdn.example.net.`; the zone loads without complaint, and \
            every lookup of the alias fails (or, for MX, NS and SRV, the service is unreachable). The rule speaks \
            only when the written name has at least two labels, its last label is a common public top-level \
            domain, and the completed name does not exist in the zone: then the dot was almost certainly forgotten.
            """,
        remediation: "Add the trailing dot (`cdn.example.net.`) so the name is absolute, or write the name relative to the zone if it is meant to be inside it.",
        severity: .warning,
        inputs: [.zone],
        references: ["RFC 1035 5.1", "RFC 1912 2.1"],
        argumentKeys: [
            ArgumentKey("written", .string, "The target as written, without a trailing dot."),
            ArgumentKey("completed", .string, "The name it became with the origin appended, which does not exist in the zone."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "a CNAME and an MX whose targets lost their trailing dot"),
        ],
        clean: [
            RuleExample("clean-1", caption: "absolute targets, and relative ones that exist or do not end in a public TLD"),
        ]
    )

    /// Record types whose data is a name a resolver or client goes on to look up.
    private static let checkedTypes: [RRType] = [.cname, .dname, .mx, .ns, .srv, .ptr]

    func check(_ context: LintContext) -> [Finding] {
        var found: [Finding] = []
        for zone in context.zones {
            let view = zone.view
            zone.forEachServedRecord(ofTypes: Self.checkedTypes) { record in
                let id = record.owner
                guard record.target >= 0, TargetWire.mayEndInTopLevelDomain(zone.wire(record.target)),
                      let target = WrittenTarget(record, in: zone), target.relative else { return }
                let labels = target.labels
                guard labels.count >= 2, let last = labels.last, PublicTopLevelDomains.common.contains(last.lowercased()),
                      Self.doesNotExist(target.name, in: view) else { return }
                found.append(finding(
                    "\(zone.name(id).text) \(record.type) \(target.text) is written without a trailing dot, so it points at \(target.name.text), which does not exist in the zone; \(target.text). was probably meant.",
                    at: zone.location(of: record), subject: zone.subject(id, record.type),
                    arguments: ["written": .string(target.text), "completed": .string(target.name.text)]))
            }
        }
        return found
    }

    /// NXDOMAIN from the zone itself (not a wildcard's answer, not a referral below a cut).
    private static func doesNotExist(_ name: DNSName, in view: any DNSView) -> Bool {
        let answer = view.answer(name, .a)
        return answer.chain.isEmpty && answer.outcome == .nxDomain
    }
}

/// Common generic and country-code top-level domains: a relative target ending in one of them was meant to be
/// absolute. Deliberately small (no `local`, `internal`, `corp`, `lan`, `svc` or other private names).
enum PublicTopLevelDomains {
    static let common: Set<String> = [
        // generic
        "com", "net", "org", "edu", "gov", "mil", "int", "arpa", "info", "biz", "name", "pro", "mobi", "aero",
        "asia", "io", "co", "ai", "app", "dev", "cloud", "me", "tv", "xyz", "online", "site", "tech", "store",
        // country codes
        "eu", "us", "uk", "de", "fr", "nl", "be", "ch", "at", "it", "es", "pt", "se", "no", "dk", "fi", "pl",
        "cz", "sk", "hu", "ro", "gr", "ie", "ru", "ua", "tr", "il", "jp", "cn", "kr", "tw", "hk", "sg", "in",
        "au", "nz", "ca", "mx", "br", "ar", "cl", "za",
    ]
}
