import DNSLintModel
import LDNS

/// DNS1002: A and AAAA of one name expire at different times.
struct AAAATTLMismatch: PerNameRule {
    let metadata = RuleMetadata(
        code: "DNS1002",
        name: "a-aaaa-ttl-mismatch",
        summary: "A and AAAA answers for the same name carry different effective TTLs, so caches expire them at different times.",
        rationale: """
            Resolvers and CoreDNS's cache keep A and AAAA separately. With different TTLs one family is refetched \
            while the other is still cached; any difference between the two fetches (an rcode flip, a moved \
            endpoint, an autopath answer built for another pod) then shows up as an inconsistent pair. The \
            effective TTL is the minimum along the CNAME chain and the final RRset. Through a caching resolver \
            TTLs count down, so live answers within 2 seconds or 5% of each other count as equal.
            """,
        remediation: "Give the A and AAAA records (and every CNAME on the way) the same TTL.",
        severity: .warning,
        inputs: [.zone, .live],
        references: ["RFC 2181 5.2", "RFC 1035 3.2.1", "https://github.com/coredns/coredns/issues/3765"],
        argumentKeys: [
            ArgumentKey("aTTL", .int, "Effective TTL of the A answer in seconds."),
            ArgumentKey("aaaaTTL", .int, "Effective TTL of the AAAA answer in seconds."),
        ],
        triggering: [
            RuleExample("triggering-1"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    func check(_ audit: NameAudit) -> [Finding] {
        let a = audit.a
        let aaaa = audit.aaaa
        guard a.outcome == .records, aaaa.outcome == .records, let aTTL = a.effectiveTTL, let aaaaTTL = aaaa.effectiveTTL,
              TTLComparison.differ(aTTL, aaaaTTL, in: a, aaaa) else { return [] }
        // A large zone has this finding by the hundred thousand: its text is written when a reporter reads it.
        let text = TTLMismatchText(name: audit.subject.name, origin: audit.origin, aTTL: aTTL, aaaaTTL: aaaaTTL,
                                   aName: a.name, aGoesOn: a.goesOnPastChain, a: AnswerPlaces(a),
                                   aaaa: AnswerPlaces(aaaa, hops: false))
        return [finding(deferred: text, at: audit.anchor, subject: audit.dnsSubject(.aaaa, server: aaaa.server))]
    }
}

/// DNS1002's message, related places (the A answer's hops and records, then the AAAA records) and arguments.
private final class TTLMismatchText: DeferredFindingText {
    let name: DNSName
    let origin: DNSName?
    let aTTL: UInt32
    let aaaaTTL: UInt32
    let aName: DNSName
    let aGoesOn: Bool
    let a: AnswerPlaces
    let aaaa: AnswerPlaces

    init(name: DNSName, origin: DNSName?, aTTL: UInt32, aaaaTTL: UInt32, aName: DNSName, aGoesOn: Bool,
         a: AnswerPlaces, aaaa: AnswerPlaces) {
        self.name = name
        self.origin = origin
        self.aTTL = aTTL
        self.aaaaTTL = aaaaTTL
        self.aName = aName
        self.aGoesOn = aGoesOn
        self.a = a
        self.aaaa = aaaa
    }

    var message: String {
        var message = TextBuilder()
        message.add(name.text)
        message.add(" has A answers with TTL ")
        message.add(aTTL)
        message.add(" and AAAA answers with TTL ")
        message.add(aaaaTTL)
        if !a.hops.isEmpty {
            message.add(" at the end of its CNAME chain (")
            message.add(DNSAnswer.chainDescription(from: aName, hops: a.hops, goesOn: aGoesOn, relativeTo: origin))
            message.add(")")
        }
        message.add(": caches expire them at different times.")
        return message.text
    }

    var related: [RelatedLocation] { a.related(origin: origin) + aaaa.related(origin: origin) }

    var arguments: FindingArguments { ["aTTL": .int(Int(aTTL)), "aaaaTTL": .int(Int(aaaaTTL))] }
}
