import DNSLintModel
import LDNS

/// DNS1017: answers whose TTL is under CoreDNS's cache floor or its usual cache duration.
struct TTLBelowCacheFloor: PerNameRule {
    /// CoreDNS `cache` raises TTLs below MINTTL (default 5 s) to it.
    static let cacheMinimum: UInt32 = 5
    /// `cache 30` in the default Kubernetes Corefile.
    static let kubernetesCache: UInt32 = 30

    let metadata = RuleMetadata(
        code: "DNS1017",
        name: "ttl-below-cache-floor",
        summary: "A name's effective TTL is below 30 s (the Kubernetes default `cache 30`) or 5 s (CoreDNS's cache minimum), so A and AAAA expire out of step.",
        rationale: """
            CoreDNS caches every answer for at least MINTTL (5 s by default) and Kubernetes clusters usually run \
            `cache 30`. A TTL under these floors is stretched by the cache, so clients see data older than the \
            owner intended, and A and AAAA fetched a moment apart expire at different times; each refetch is \
            another chance for an inconsistent pair. Very short TTLs also multiply upstream queries.
            """,
        remediation: "Raise the TTL to 30 s or more, or accept that caches in front of clients hold answers longer than the TTL says.",
        severity: .note,
        inputs: [.live],
        references: ["https://coredns.io/plugins/cache/", "RFC 1035 3.2.1"],
        argumentKeys: [
            ArgumentKey("ttl", .int, "The lowest effective TTL below the floor, in seconds."),
            ArgumentKey("types", .strings, "The types (A, AAAA) whose TTL is below 30 s."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "a 3-second TTL"),
        ],
        clean: [
            RuleExample("clean-1", caption: "30 s, the default Kubernetes cache time, is not below the floor"),
        ]
    )

    func check(_ audit: NameAudit) -> [Finding] {
        guard audit.recorded != nil else { return [] }
        let low = [audit.a, audit.aaaa].compactMap { answer -> (DNSAnswer, UInt32)? in
            guard answer.outcome == .records, let ttl = answer.effectiveTTL, ttl < Self.kubernetesCache else { return nil }
            return (answer, ttl)
        }
        guard let (answer, ttl) = low.min(by: { $0.1 < $1.1 }) else { return [] }
        let floor = ttl < Self.cacheMinimum
            ? "below CoreDNS's 5 s cache minimum, so caches hold it longer than it says"
            : "below the 30 s of the default Kubernetes cache"
        let types = low.map(\.0.type.mnemonic).joined(separator: " and ")
        return [finding(
            "\(audit.subject.name.text) answers \(types) with an effective TTL of \(ttl) s, \(floor); A and AAAA expire out of step.",
            at: audit.anchor, subject: audit.dnsSubject(answer.type, server: answer.server), related: audit.related(answer),
            arguments: ["ttl": .int(Int(ttl)), "types": .strings(low.map(\.0.type.mnemonic))])]
    }
}
