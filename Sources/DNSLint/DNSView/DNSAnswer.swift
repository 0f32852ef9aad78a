import LDNS

/// Where a record came from: a line of an input file, a server that said it, or both.
public struct RecordOrigin: Sendable, Hashable {
    public var location: SourceLocation?
    public var server: String?

    public init(location: SourceLocation? = nil, server: String? = nil) {
        self.location = location
        self.server = server
    }
}

/// One CNAME step of an answer.
public struct CNAMEHop: Sendable, Hashable {
    public var owner: DNSName
    public var target: DNSName
    public var ttl: UInt32
    public var origin: RecordOrigin

    public init(owner: DNSName, target: DNSName, ttl: UInt32, origin: RecordOrigin) {
        self.owner = owner
        self.target = target
        self.ttl = ttl
        self.origin = origin
    }
}

/// One record of the final RRset of an answer (its owner is the answer's `finalName`).
public struct AnswerRecord: Sendable, Hashable {
    public var type: RRType
    public var ttl: UInt32
    public var origin: RecordOrigin

    public init(type: RRType, ttl: UInt32, origin: RecordOrigin) {
        self.type = type
        self.ttl = ttl
        self.origin = origin
    }
}

/// How the lookup ended.
public enum AnswerOutcome: Sendable, Hashable {
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
    /// The chain leaves what this view can judge (a target outside the zone, or below a delegation).
    case leftView(DNSName)
    /// No usable answer: timeout, SERVFAIL, REFUSED, malformed reply. Live views only.
    case failed(String)
}

/// The size of an answer on the wire without EDNS.
public struct AnswerSize: Sendable, Hashable {
    public var bytes: Int
    /// False when `bytes` is only an upper bound (uncompressed), computed to skip encoding small answers.
    public var exact: Bool

    public init(bytes: Int, exact: Bool) {
        self.bytes = bytes
        self.exact = exact
    }
}

/// The answer to NAME/TYPE as a DNS view sees it: the data rules' common currency.
public struct DNSAnswer: Sendable, Hashable {
    public var name: DNSName
    public var type: RRType
    public var outcome: AnswerOutcome
    /// The DNS rcode a server gives (0 NOERROR, 3 NXDOMAIN...); nil when there was no response.
    public var rcode: Int?
    public var chain: [CNAMEHop]
    public var records: [AnswerRecord]
    /// For NODATA and NXDOMAIN: how long a resolver caches the negative answer (RFC 2308).
    public var negativeTTL: UInt32?
    public var sizeWithoutEDNS: AnswerSize?
    /// Whether a server set TC on the answer to a query without EDNS (live only).
    public var truncatedWithoutEDNS: Bool?
    public var server: String?

    public init(name: DNSName, type: RRType, outcome: AnswerOutcome, rcode: Int?, chain: [CNAMEHop] = [],
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

    /// The name the chain ends at (the asked name when there is no CNAME).
    public var finalName: DNSName { chain.last?.target ?? name }

    /// How long a resolver may keep this whole answer: the minimum TTL along the chain and the final
    /// records, or the negative-caching TTL for NODATA/NXDOMAIN.
    public var effectiveTTL: UInt32? {
        var ttl: UInt32?
        for hop in chain { ttl = min(ttl ?? hop.ttl, hop.ttl) }
        for record in records { ttl = min(ttl ?? record.ttl, record.ttl) }
        if records.isEmpty, let negativeTTL { ttl = min(ttl ?? negativeTTL, negativeTTL) }
        return ttl
    }

    /// The owner names along the chain, e.g. `api -> lb -> nlb`, shortened against `origin`.
    public func chainDescription(relativeTo origin: DNSName? = nil) -> String {
        ([name] + chain.map(\.target)).map { $0.relative(to: origin) }.joined(separator: " -> ")
    }
}

/// Comparing TTLs across two answers. A zone file states TTLs exactly; a caching resolver counts them
/// down, so A and AAAA asked seconds apart (a retry after a timeout, a hop shared with an earlier name)
/// read 296 and 300 with the same configured TTL. Configured mismatches are large and round (60 vs 300).
public enum TTLComparison {
    /// How far apart two TTLs read from servers may be and still count as equal: 2 s or 5%, the larger.
    public static func serverSlack(_ larger: UInt32) -> UInt32 { max(2, larger / 20) }

    public static func differ(_ first: UInt32?, _ second: UInt32?, fromServer: Bool) -> Bool {
        guard let first, let second else { return first != second }
        let gap = first > second ? first - second : second - first
        return gap > (fromServer ? serverSlack(max(first, second)) : 0)
    }
}

extension DNSAnswer {
    /// Whether this answer was read from a server (live) rather than from zone data.
    public var cameFromServer: Bool { server != nil || chain.contains { $0.origin.server != nil } }
}
