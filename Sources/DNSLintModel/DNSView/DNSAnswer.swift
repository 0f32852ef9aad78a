import LDNS

/// Where a record came from: a line of an input file, a server that said it, or both.
package struct RecordOrigin: Sendable, Hashable {
    package var location: SourceLocation?
    package var server: String?

    package init(location: SourceLocation? = nil, server: String? = nil) {
        self.location = location
        self.server = server
    }
}

/// One CNAME step of an answer: a CNAME record, or one a server synthesized from a DNAME (RFC 6672 2.2).
package struct CNAMEHop: Sendable, Hashable {
    package var owner: DNSName
    package var target: DNSName
    package var ttl: UInt32
    package var origin: RecordOrigin
    /// The owner of the DNAME this hop was synthesized from; nil for a CNAME record. `origin` is then the DNAME's.
    package var dname: DNSName?

    package init(owner: DNSName, target: DNSName, ttl: UInt32, origin: RecordOrigin, dname: DNSName? = nil) {
        self.owner = owner
        self.target = target
        self.ttl = ttl
        self.origin = origin
        self.dname = dname
    }
}

/// One record of the final RRset of an answer (its owner is the answer's `finalName`).
package struct AnswerRecord: Sendable, Hashable {
    package var type: RRType
    package var ttl: UInt32
    package var origin: RecordOrigin
    /// The host an MX, NS, SRV or SOA record names (`RRType.hostTargetTypes`; a CNAME's target when a CNAME
    /// is asked); nil for other types. Zones and servers both know it, so a rule judging targets (DNS1007)
    /// reads it the same way from either. Other types leave it nil: turning every PTR target of a large
    /// reverse zone into text would cost each audited name a second name, for no rule.
    package var target: DNSName?

    package init(type: RRType, ttl: UInt32, origin: RecordOrigin, target: DNSName? = nil) {
        self.type = type
        self.ttl = ttl
        self.origin = origin
        self.target = target
    }
}

extension RRType {
    /// Types whose records name a host that must not be an alias (RFC 2181 10.3, RFC 2782): what DNS1007
    /// judges, and what the live prober asks beyond A and AAAA for a name that holds them (with each target's
    /// A), so the rule and the questions asked for it cannot drift apart.
    package static let hostTargetTypes: [RRType] = [.mx, .ns, .srv, .soa]
}

/// How the lookup ended.
package enum AnswerOutcome: Sendable, Hashable {
    /// The final name has records of the asked type.
    case records
    /// NOERROR with no records of the type at the end of the chain (NODATA).
    case noData
    /// The final name does not exist.
    case nxDomain
    /// The CNAME chain comes back to a name already on it.
    case loop
    /// The view gave up following the chain after its hop limit.
    case hopLimit
    /// The chain leaves what this view can judge: a target outside the zone, or at or below a delegation
    /// (the parent answers with a referral, and the child zone has the answer).
    case leftView(DNSName)
    /// No usable answer: timeout, SERVFAIL, REFUSED, malformed reply. Live views only.
    case failed(String)
}

/// The size of an answer on the wire without EDNS.
package struct AnswerSize: Sendable, Hashable {
    package var bytes: Int
    /// False when `bytes` is only an upper bound (uncompressed), computed to skip encoding small answers.
    package var exact: Bool

    package init(bytes: Int, exact: Bool) {
        self.bytes = bytes
        self.exact = exact
    }
}

/// The answer to NAME/TYPE as a DNS view sees it: the data rules' common currency.
package struct DNSAnswer: Sendable, Hashable {
    package var name: DNSName
    package var type: RRType
    package var outcome: AnswerOutcome
    /// The DNS rcode a server gives (0 NOERROR, 3 NXDOMAIN...); nil when there was no response.
    package var rcode: Int?
    package var chain: [CNAMEHop]
    package var records: [AnswerRecord]
    /// For NODATA and NXDOMAIN: how long a resolver caches the negative answer (RFC 2308).
    package var negativeTTL: UInt32?
    package var sizeWithoutEDNS: AnswerSize?
    /// Whether a server set TC on the answer to a query without EDNS (live only).
    package var truncatedWithoutEDNS: Bool?
    package var server: String?
    /// Seconds into the live run when the answer's first and last responses arrived; nil offline.
    package var readAt: ClosedRange<Double>?
    /// Hops walked past the recording limit (`--max-cname-hops`), so `hopCount` is the chain's true length.
    package var hopsNotRecorded = 0

    /// Hops a view follows past its recording limit to tell a loop from a long chain, before it gives up
    /// (a zone walking DNAMEs, a live chain): bounded work however long the chain an attacker publishes.
    package static let unrecordedHopLimit = 4_096

    package init(name: DNSName, type: RRType, outcome: AnswerOutcome, rcode: Int?, chain: [CNAMEHop] = [],
                records: [AnswerRecord] = [], negativeTTL: UInt32? = nil, sizeWithoutEDNS: AnswerSize? = nil,
                truncatedWithoutEDNS: Bool? = nil, server: String? = nil) {
        self.name = name
        self.type = type
        self.outcome = outcome
        self.rcode = rcode
        self.chain = chain
        self.records = records
        self.negativeTTL = negativeTTL
        self.sizeWithoutEDNS = sizeWithoutEDNS
        self.truncatedWithoutEDNS = truncatedWithoutEDNS
        self.server = server
    }

    /// CNAME hops from the asked name to the end of the chain (or around the loop once).
    package var hopCount: Int { chain.count + hopsNotRecorded }

    /// The name the chain ends at (the asked name when there is no CNAME).
    /// The widest gap between the readings of two answers (0 when either was not read live).
    package static func secondsApart(_ one: DNSAnswer, _ other: DNSAnswer) -> Double {
        guard let first = one.readAt, let second = other.readAt else { return 0 }
        return max(first.upperBound, second.upperBound) - min(first.lowerBound, second.lowerBound)
    }

    package var finalName: DNSName { chain.last?.target ?? name }

    /// How long a resolver may keep this whole answer: the minimum TTL along the chain and the final
    /// records, or the negative-caching TTL for NODATA/NXDOMAIN.
    package var effectiveTTL: UInt32? {
        var ttl: UInt32?
        for hop in chain { ttl = min(ttl ?? hop.ttl, hop.ttl) }
        for record in records { ttl = min(ttl ?? record.ttl, record.ttl) }
        if records.isEmpty, let negativeTTL { ttl = min(ttl ?? negativeTTL, negativeTTL) }
        return ttl
    }

    /// The owner names along the chain, e.g. `api -> lb -> nlb`, shortened against `origin`.
    package func chainDescription(relativeTo origin: DNSName? = nil) -> String {
        Self.chainDescription(from: name, hops: chain, goesOn: goesOnPastChain, relativeTo: origin)
    }

    /// Whether the chain goes on past its recorded hops (`chainDescription` ends in `-> …`).
    package var goesOnPastChain: Bool { hopsNotRecorded > 0 || outcome == .hopLimit }

    /// `chainDescription(relativeTo:)` from its parts, for text written after the answer is gone.
    package static func chainDescription(from name: DNSName, hops: [CNAMEHop], goesOn: Bool, relativeTo origin: DNSName?) -> String {
        var text = TextBuilder()
        text.add(name, relativeTo: origin)
        for hop in hops {
            text.add(" -> ")
            text.add(hop.target, relativeTo: origin)
        }
        if goesOn { text.add(" -> …") }
        return text.text
    }
}

/// Comparing TTLs across two answers. A zone file states TTLs exactly; a caching resolver counts them
/// down, so A and AAAA asked seconds apart (a retry after a timeout, a hop shared with an earlier name)
/// read 296 and 300 with the same configured TTL. Configured mismatches are large and round (60 vs 300).
package enum TTLComparison {
    /// How far apart two TTLs read from servers may be and still count as equal: 2 s or 5%, the larger.
    package static func serverSlack(_ larger: UInt32) -> UInt32 { max(2, larger / 20) }

    package static func differ(_ first: UInt32?, _ second: UInt32?, fromServer: Bool, secondsApart: Double = 0) -> Bool {
        guard let first, let second else { return first != second }
        let gap = first > second ? first - second : second - first
        guard fromServer else { return gap > 0 }
        // A cache counts down between the two readings: the time between them is aging, not a mismatch.
        let apart = UInt32(min(Double(UInt32.max / 2), secondsApart.rounded(.up)))
        return gap > serverSlack(max(first, second)) + apart
    }

    /// TTLs read from two answers of one name (A and AAAA): zone answers must match exactly, server answers
    /// within the slack plus the seconds between the two readings.
    package static func differ(_ first: UInt32?, _ second: UInt32?, in one: DNSAnswer, _ other: DNSAnswer) -> Bool {
        differ(first, second, fromServer: one.cameFromServer || other.cameFromServer,
               secondsApart: DNSAnswer.secondsApart(one, other))
    }
}

extension DNSAnswer {
    /// Whether this answer was read from a server (live) rather than from zone data.
    package var cameFromServer: Bool { server != nil || chain.contains { $0.origin.server != nil } }
}
