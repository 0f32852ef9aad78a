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
        // Built as bytes: a large zone has this finding by the ten thousand (TextBuilder).
        var message = TextBuilder(capacity: 256)
        message.add(audit.subject.name.text)
        message.add(" is a CNAME chain (")
        message.add(aaaa.chainDescription(relativeTo: audit.origin))
        message.add(") ending at ")
        message.add(aaaa.finalName.text)
        message.add(", which has A records but no AAAA: AAAA queries get NOERROR with only CNAMEs.")
        if severity == .error {
            message.add(" The A answer is cached for ")
            message.add(ttl: a.effectiveTTL)
            message.add(" s and the AAAA answer for ")
            message.add(ttl: aaaa.effectiveTTL)
            message.add(" s, so caches hold them out of step.")
        }
        return [finding(message.text, at: audit.anchor, subject: audit.dnsSubject(.aaaa, server: aaaa.server),
                        related: audit.related(a), severity: severity,
                        arguments: [
                            "chain": .strings(([aaaa.name] + aaaa.chain.map(\.target)).map(\.text)),
                            "aTTL": .int(Int(a.effectiveTTL ?? 0)),
                            "aaaaTTL": .int(Int(aaaa.effectiveTTL ?? 0)),
                        ])]
    }
}

extension Rule {
    func finding(_ message: String, at location: SourceLocation?, subject: DNSSubject?, related: [RelatedLocation],
                 severity: Severity, arguments: FindingArguments) -> Finding {
        finding(message, at: location, subject: subject, related: related, arguments: arguments, severity: severity)
    }
}

private extension TextBuilder {
    /// A TTL, or `?` when the answer has none.
    mutating func add(ttl: UInt32?) {
        if let ttl { add(ttl) } else { add("?") }
    }
}
