import CLdns

/// A DNS record type code, named the way ldns names it.
public struct RRType: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public init(_ rawValue: UInt16) { self.rawValue = rawValue }

    /// Parses a mnemonic (`AAAA`, `TYPE65534`); nil for names ldns does not know.
    public init?(mnemonic: String) {
        let code = mnemonic.withCString { ldns_get_rr_type_by_name($0) }
        guard code.rawValue != 0 else { return nil }
        self.rawValue = UInt16(code.rawValue)
    }

    public var mnemonic: String {
        // The common types without a call into ldns and an allocation: live probing asks this per query.
        switch rawValue {
        case 1: return "A"
        case 2: return "NS"
        case 5: return "CNAME"
        case 6: return "SOA"
        case 12: return "PTR"
        case 15: return "MX"
        case 16: return "TXT"
        case 28: return "AAAA"
        case 33: return "SRV"
        default: break
        }
        guard let text = ldns_rr_type2str(ldns_rr_type(UInt32(rawValue))) else { return "TYPE\(rawValue)" }
        defer { dnslint_free(text) }
        return String(cString: text)
    }

    public var description: String { mnemonic }
    public static func < (lhs: RRType, rhs: RRType) -> Bool { lhs.rawValue < rhs.rawValue }

    public static let a = RRType(1)
    public static let ns = RRType(2)
    public static let cname = RRType(5)
    public static let soa = RRType(6)
    public static let ptr = RRType(12)
    public static let mx = RRType(15)
    public static let txt = RRType(16)
    public static let aaaa = RRType(28)
    public static let srv = RRType(33)
    public static let dname = RRType(39)
    public static let opt = RRType(41)
    public static let ds = RRType(43)
    public static let rrsig = RRType(46)
    public static let nsec = RRType(47)
    public static let dnskey = RRType(48)
    public static let nsec3 = RRType(50)
    public static let nsec3param = RRType(51)
    public static let svcb = RRType(64)
    public static let https = RRType(65)

    /// DNSSEC bookkeeping types that may legally sit beside a CNAME (RFC 4035 2.5).
    public var isDNSSECMeta: Bool { self == .rrsig || self == .nsec || self == .nsec3 }

    /// Index of the rdata field holding a domain name other records point at, if any.
    public var targetFieldIndex: Int? {
        switch self {
        case .cname, .dname, .ns, .ptr, .soa: return 0
        case .mx: return 1
        case .srv: return 3
        default: return nil
        }
    }
}
