import Foundation
import LDNS

/// Observations of one live run: every query and response, saved as JSON (`--capture`) and
/// re-analysed offline (`dnslint analyze`, or `dnslint check x.capture.json`) to the same findings.
/// Records are kept in presentation format so a capture is readable and can be written by hand.
package struct Capture: Codable, Sendable {
    package static let formatName = "dnslint-capture"
    package var format = Capture.formatName
    package var version = 1
    package var mode: ProbeMode
    /// resolv.conf settings the names were expanded with, if any.
    package var ndots: Int?
    package var search: [String]?
    package var names: [CapturedName]
    package var stats: ProbeStats?

    package init(mode: ProbeMode, ndots: Int? = nil, search: [String]? = nil, names: [CapturedName], stats: ProbeStats? = nil) {
        self.mode = mode
        self.ndots = ndots
        self.search = search
        self.names = names
        self.stats = stats
    }
}

/// How names were asked: through a recursive resolver, or straight at the zone's name servers.
package enum ProbeMode: String, Codable, Sendable {
    case recursive
    case authoritative
}

/// Counters for the JSON summary.
package struct ProbeStats: Codable, Sendable, Hashable {
    package var names = 0
    package var queries = 0
    package var responses = 0
    package var timeouts = 0
    /// Responses dropped because id, question or source did not match a query in flight.
    package var mismatched = 0
    package var malformed = 0
    package var durationSeconds = 0.0

    package init() {}

    package var summary: [String: ArgumentValue] {
        ["names": .int(names), "queries": .int(queries), "responses": .int(responses), "timeouts": .int(timeouts),
         "mismatched": .int(mismatched), "malformed": .int(malformed),
         "durationSeconds": .number(durationSeconds)]
    }
}

/// Where an audited name was declared (the names file or zone line).
package struct CapturedSource: Codable, Sendable, Hashable {
    package init(path: String, line: Int) {
        self.path = path
        self.line = line
    }

    package var path: String
    package var line: Int
}

/// One audited name on one server (or on its zone's servers) and every query made for it.
package struct CapturedName: Codable, Sendable {
    package var name: String
    /// The resolver asked, or `authoritative`.
    package var server: String
    package var source: CapturedSource?
    package var queries: [CapturedQuery]
    /// CNAME chains that went on past the hops whose queries are recorded (absent when none did).
    package var tails: [CapturedChainTail]?

    package init(name: String, server: String, source: CapturedSource?, queries: [CapturedQuery], tails: [CapturedChainTail]? = nil) {
        self.name = name
        self.server = server
        self.source = source
        self.queries = queries
        self.tails = tails
    }
}

/// How a CNAME chain went on past the hops the prober records (`--max-cname-hops`). The prober follows it
/// further (up to `DNSAnswer.unrecordedHopLimit` hops) without recording those queries, to tell a loop from a
/// long chain: recording them for every name on a long loop would grow the capture with the cube of its length.
package struct CapturedChainTail: Codable, Sendable, Hashable {
    package enum End: String, Codable, Sendable {
        /// The last hop came back to a name already on the chain.
        case loop
        /// A name without a CNAME (or without an answer) ended the chain.
        case end
        /// Still going after `DNSAnswer.unrecordedHopLimit` hops: its length is not known.
        case limit
    }

    /// The query type of the chain (A or AAAA).
    package var type: String
    /// The first name of the chain whose query is not recorded.
    package var from: String
    /// CNAME hops followed from `from` on.
    package var hops: Int
    package var end: End

    package init(type: String, from: String, hops: Int, end: End) {
        self.type = type
        self.from = from
        self.hops = hops
        self.end = end
    }
}

package enum Transport: String, Codable, Sendable {
    case udp
    case tcp
}

/// What became of a query.
package enum QueryStatus: String, Codable, Sendable {
    case response
    case timeout
    /// The reply came from the right server with the right id but ldns could not decode it.
    case malformed
    /// Sending failed or the TCP connection was refused or reset.
    case error
}

/// One query and, if one came, its response.
package struct CapturedQuery: Codable, Sendable {
    package var name: String
    package var type: String
    package var server: String
    package var transport: Transport
    package var edns: Bool
    package var rd: Bool
    /// Milliseconds from sending to the response or the give-up.
    package var ms: Double?
    /// Seconds from the start of the run to the response or the give-up (caches age between readings).
    package var at: Double?
    package var status: QueryStatus
    package var error: String?
    package var response: CapturedResponse?

    package init(name: String, type: String, server: String, transport: Transport, edns: Bool, rd: Bool,
                ms: Double? = nil, status: QueryStatus, error: String? = nil, response: CapturedResponse? = nil) {
        self.name = name
        self.type = type
        self.server = server
        self.transport = transport
        self.edns = edns
        self.rd = rd
        self.ms = ms
        self.status = status
        self.error = error
        self.response = response
    }
}

/// The parts of a response the rules read.
package struct CapturedResponse: Codable, Sendable {
    package var rcode: String
    /// Header flags that were set: `qr`, `aa`, `tc`, `rd`, `ra`.
    package var flags: [String]
    package var size: Int
    /// Whether the response carried an OPT record.
    package var opt: Bool
    package var answer: [ObservedRecord]
    package var authority: [ObservedRecord]

    package init(rcode: String, flags: [String], size: Int, opt: Bool, answer: [ObservedRecord], authority: [ObservedRecord]) {
        self.rcode = rcode
        self.flags = flags
        self.size = size
        self.opt = opt
        self.answer = answer
        self.authority = authority
    }

    package init(_ message: DNSMessage) {
        var flags: [String] = []
        flags.reserveCapacity(5)
        flags.append("qr")
        if message.authoritative { flags.append("aa") }
        if message.truncated { flags.append("tc") }
        if message.recursionDesired { flags.append("rd") }
        if message.recursionAvailable { flags.append("ra") }
        self.init(rcode: RCode.name(message.rcode), flags: flags, size: message.size, opt: message.hasOPT,
                  answer: message.answer.map(ObservedRecord.init), authority: message.authority.map(ObservedRecord.init))
    }

    package var truncated: Bool { flags.contains("tc") }
    package var rcodeValue: Int? { RCode.value(rcode) }

    enum CodingKeys: String, CodingKey { case rcode, flags, size, opt, answer, authority }

    package init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rcode = try container.decode(String.self, forKey: .rcode)
        guard RCode.value(rcode) != nil else {
            throw DecodingError.dataCorruptedError(forKey: .rcode, in: container, debugDescription: "unknown rcode \(rcode)")
        }
        flags = try container.decodeIfPresent([String].self, forKey: .flags) ?? ["qr"]
        size = try container.decode(Int.self, forKey: .size)
        opt = try container.decodeIfPresent(Bool.self, forKey: .opt) ?? false
        let parser = (decoder.userInfo[.capturedRecordParser] as? CapturedRecordParser)?.parser ?? RecordParser()
        answer = try Self.parse(container.decodeIfPresent([String].self, forKey: .answer) ?? [], parser, container, .answer)
        authority = try Self.parse(container.decodeIfPresent([String].self, forKey: .authority) ?? [], parser, container, .authority)
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rcode, forKey: .rcode)
        try container.encode(flags, forKey: .flags)
        try container.encode(size, forKey: .size)
        try container.encode(opt, forKey: .opt)
        try container.encode(answer.map(\.parts.presentation), forKey: .answer)
        try container.encode(authority.map(\.parts.presentation), forKey: .authority)
    }

    private static func parse(_ lines: [String], _ parser: RecordParser, _ container: KeyedDecodingContainer<CodingKeys>,
                              _ key: CodingKeys) throws -> [ObservedRecord] {
        try lines.map { line in
            var parsed: RecordParts?
            let error = line.withCString { text in
                parser.parse(text, defaultTTL: 0) { view in
                    parsed = RecordParts(owner: Array(view.owner), type: view.type, rrClass: view.rrClass,
                                         ttl: view.ttl, rdata: Array(view.rdata))
                }
            }
            guard let parsed, error == nil else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container,
                                                       debugDescription: "record \"\(line)\": \(error?.message ?? "unreadable")")
            }
            return ObservedRecord(parsed)
        }
    }
}

extension CodingUserInfoKey {
    /// The `CapturedRecordParser` a capture's responses share while one decoder reads them.
    package static let capturedRecordParser = CodingUserInfoKey(rawValue: "dnslint.capturedRecordParser")!
}

/// One record parser for every response of a capture being decoded: a parser made per response started cold
/// each time (its class and type token cache and buffers empty), about 8,800 instructions a record instead of
/// 3,400. A decoder reads on one thread, and each decode gets its own, so the parser is never shared between
/// threads.
package final class CapturedRecordParser: @unchecked Sendable {
    let parser = RecordParser()
    package init() {}
}

/// A record seen in a response, as plain values.
package struct ObservedRecord: Sendable, Hashable {
    package var parts: RecordParts

    package init(_ parts: RecordParts) { self.parts = parts }

    package var owner: DNSName { DNSName(WireName.text(parts.owner)) }
    package var type: RRType { parts.type }
    package var ttl: UInt32 { parts.ttl }
    /// CNAME/DNAME/NS target.
    package var target: DNSName? { parts.target.map { DNSName(WireName.text($0)) } }

    /// RFC 2308: an SOA in a negative answer is cached for min(its TTL, its MINIMUM field).
    package var negativeTTL: UInt32? {
        guard parts.type == .soa, parts.rdata.count >= 4 else { return nil }
        let tail = parts.rdata.suffix(4)
        let minimum = tail.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return min(parts.ttl, minimum)
    }
}

/// DNS response codes by name (RFC 1035 4.1.1, RFC 2136).
package enum RCode {
    static let names = ["NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED", "YXDOMAIN", "YXRRSET",
                        "NXRRSET", "NOTAUTH", "NOTZONE"]

    static func name(_ value: Int) -> String { value < names.count ? names[value] : "RCODE\(value)" }

    static func value(_ name: String) -> Int? {
        // Spelled as the prober writes it, nearly always: no case mapping (a Unicode table walk) per answer.
        if let index = names.firstIndex(of: name) { return index }
        let upper = name.uppercased()
        if let index = names.firstIndex(of: upper) { return index }
        if upper.hasPrefix("RCODE"), let value = Int(upper.dropFirst(5)), (0..<16).contains(value) { return value }
        return nil
    }
}

extension CapturedName {
    /// Query names spelled as `DNSName` spells them (lower case, absolute), as the prober records them;
    /// a capture written by hand or by another version may spell them otherwise.
    package var normalized: CapturedName {
        var copy = self
        for index in copy.queries.indices { copy.queries[index].name = DNSName(copy.queries[index].name).text }
        copy.tails = tails?.map { tail in
            var tail = tail
            tail.from = DNSName(tail.from).text
            return tail
        }
        return copy
    }
}
