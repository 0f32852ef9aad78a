import DNSLintModel
import LDNS

/// DNS1001: the production incident's core — an AAAA query that ends in CNAMEs and no address.
struct CNAMEChainNoAAAA: NameRule {
    let metadata = RuleMetadata(
        code: "DNS1001",
        name: "cname-chain-no-aaaa",
        summary: "A name's CNAME chain ends at a name with A records but no AAAA, so AAAA queries get NOERROR with only CNAMEs.",
        rationale: """
            Clients ask A and AAAA together. When the chain ends at a name with an address for one family only, \
            the AAAA answer is NOERROR with nothing but CNAMEs ("broken AAAA"). Caches treat that answer differently \
            from the A answer: it expires on the negative-caching TTL while the A answer expires on the chain's TTL. \
            Behind CoreDNS `cache` and `autopath`, the two can end up cached with different rcodes for a search-path \
            name, and glibc then stops walking the search list: "Could not resolve host". When the A and AAAA paths \
            also carry different TTLs (DNS1002) the split happens every time the shorter one expires, so the rule \
            reports an error instead of a warning. A zone with no AAAA record at all is IPv4-only by design: \
            its aliases are reported once for the zone, listed together, unless their TTLs split (then each \
            one as an error).
            """,
        remediation: """
            Give the final name an AAAA record, or point the chain at a name that has both families; if IPv6 is \
            deliberately absent, make the TTLs along the chain equal to the negative-caching TTL so both answers \
            expire together.
            """,
        severity: .warning,
        inputs: [.zone, .live],
        references: ["RFC 1034 3.6.2", "RFC 2308", "https://github.com/coredns/coredns/issues/3765",
                     "https://github.com/coredns/coredns/issues/2842"],
        argumentKeys: [
            ArgumentKey("chain", .strings, "The names from the audited name along its CNAME chain to the final name, fully qualified."),
            ArgumentKey("aTTL", .int, "Effective TTL of the A answer in seconds (the minimum along the chain)."),
            ArgumentKey("aaaaTTL", .int, "Effective TTL of the AAAA answer in seconds (the negative-caching TTL when it ends without AAAA)."),
            ArgumentKey("aliases", .strings, "For a zone without any AAAA record, reported once: every alias whose chain ends without AAAA, fully qualified."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "api -> lb -> nlb, and nlb has no AAAA (api and lb are both reported)"),
            RuleExample("triggering-2", caption: "a zone without any AAAA record: its aliases are reported once, together"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    /// The rule's condition, shared with DNS4001: the AAAA answer is CNAMEs and NODATA where the A answer
    /// reaches records at the same final name.
    static func isBrokenChain(a: DNSAnswer, aaaa: DNSAnswer) -> Bool {
        !aaaa.chain.isEmpty && aaaa.outcome == .noData && a.outcome == .records && a.finalName == aaaa.finalName
    }

    /// The severity of a broken chain: an error when the A and AAAA answers are cached for different times.
    func severity(a: DNSAnswer, aaaa: DNSAnswer) -> Severity {
        let hopTTLsDiffer = zip(a.chain, aaaa.chain).contains { TTLComparison.differ($0.ttl, $1.ttl, in: a, aaaa) }
            || a.chain.count != aaaa.chain.count
        let effectiveDiffer = TTLComparison.differ(a.effectiveTTL, aaaa.effectiveTTL, in: a, aaaa)
        return hopTTLsDiffer || effectiveDiffer ? .error : metadata.severity
    }

    func nameChecker(_ context: LintContext) -> NameChecker? {
        let ipv4Only = IPv4OnlyAliases.find(in: context, rule: self)
        return { audit in
            if !ipv4Only.isEmpty, let zone = audit.view.zone, let group = ipv4Only[ObjectIdentifier(zone)],
               group.aliases.contains(audit.subject.name) {
                return audit.subject.name == group.anchor ? [group.finding] : []
            }
            return self.check(audit)
        }
    }

    func check(_ audit: NameAudit) -> [Finding] {
        let a = audit.a
        let aaaa = audit.aaaa
        guard Self.isBrokenChain(a: a, aaaa: aaaa) else { return [] }
        let severity = severity(a: a, aaaa: aaaa)
        // A large zone has this finding by the ten thousand: its text is written when a reporter reads it.
        let text = BrokenChainText(name: audit.subject.name, origin: audit.origin, aaaaName: aaaa.name, aaaaHops: aaaa.chain,
                                   aaaaGoesOn: aaaa.goesOnPastChain, statesTTLs: severity == .error,
                                   aTTL: a.effectiveTTL, aaaaTTL: aaaa.effectiveTTL, a: AnswerPlaces(a))
        return [finding(deferred: text, at: audit.anchor, subject: audit.dnsSubject(.aaaa, server: aaaa.server), severity: severity)]
    }
}

/// DNS1001's message, related places (the A answer's hops and records) and arguments.
private final class BrokenChainText: DeferredFindingText {
    let name: DNSName
    let origin: DNSName?
    let aaaaName: DNSName
    let aaaaHops: [CNAMEHop]
    let aaaaGoesOn: Bool
    /// An error says how long each answer is cached.
    let statesTTLs: Bool
    let aTTL: UInt32?
    let aaaaTTL: UInt32?
    let a: AnswerPlaces

    init(name: DNSName, origin: DNSName?, aaaaName: DNSName, aaaaHops: [CNAMEHop], aaaaGoesOn: Bool, statesTTLs: Bool,
         aTTL: UInt32?, aaaaTTL: UInt32?, a: AnswerPlaces) {
        self.name = name
        self.origin = origin
        self.aaaaName = aaaaName
        // The A and AAAA chains are nearly always the same hops: keep one array for both.
        self.aaaaHops = aaaaHops == a.hops ? a.hops : aaaaHops
        self.aaaaGoesOn = aaaaGoesOn
        self.statesTTLs = statesTTLs
        self.aTTL = aTTL
        self.aaaaTTL = aaaaTTL
        self.a = a
    }

    var message: String {
        var message = TextBuilder(capacity: 256)
        message.add(name.text)
        message.add(" is a CNAME chain (")
        message.add(DNSAnswer.chainDescription(from: aaaaName, hops: aaaaHops, goesOn: aaaaGoesOn, relativeTo: origin))
        message.add(") ending at ")
        message.add((aaaaHops.last?.target ?? aaaaName).text)
        message.add(", which has A records but no AAAA: AAAA queries get NOERROR with only CNAMEs.")
        if statesTTLs {
            message.add(" The A answer is cached for ")
            message.add(ttl: aTTL)
            message.add(" s and the AAAA answer for ")
            message.add(ttl: aaaaTTL)
            message.add(" s, so caches hold them out of step.")
        }
        return message.text
    }

    var related: [RelatedLocation] { a.related(origin: origin) }

    var arguments: FindingArguments {
        [
            "chain": .strings(([aaaaName] + aaaaHops.map(\.target)).map(\.text)),
            "aTTL": .int(Int(aTTL ?? 0)),
            "aaaaTTL": .int(Int(aaaaTTL ?? 0)),
        ]
    }
}

private extension TextBuilder {
    /// A TTL, or `?` when the answer has none.
    mutating func add(ttl: UInt32?) {
        if let ttl { add(ttl) } else { add("?") }
    }
}
