import CLdns

/// A DNS record type code, named the way ldns names it.
package struct RRType: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    package let rawValue: UInt16
    package init(rawValue: UInt16) { self.rawValue = rawValue }
    package init(_ rawValue: UInt16) { self.rawValue = rawValue }

    // Concrete, so comparing and hashing types is a direct call: the defaults RawRepresentable gives go
    // through generic witnesses, millions of times on a large zone.
    package static func == (lhs: RRType, rhs: RRType) -> Bool { lhs.rawValue == rhs.rawValue }
    package func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// Parses a mnemonic (`AAAA`, `TYPE65534`); nil for names ldns does not know.
    package init?(mnemonic: String) {
        // The common types without a call into ldns, which compares the text with every type name it knows:
        // captures spell the type of every query this way.
        if let common = Self.common.first(where: { $0.mnemonic == mnemonic }) {
            self.rawValue = common.code
            return
        }
        let code = mnemonic.withCString { ldns_get_rr_type_by_name($0) }
        // ldns reads `TYPE70000` as 70000: not a type.
        guard code.rawValue != 0, let value = UInt16(exactly: code.rawValue) else { return nil }
        self.rawValue = value
    }

    package var mnemonic: String {
        // The common types without a call into ldns and an allocation: live probing asks this per query.
        if let common = Self.common.first(where: { $0.code == rawValue }) { return common.mnemonic }
        guard let text = ldns_rr_type2str(ldns_rr_type(UInt32(rawValue))) else { return "TYPE\(rawValue)" }
        defer { dnslint_free(text) }
        return String(cString: text)
    }

    /// The types nearly every query and record has, named as ldns names them, both ways without ldns.
    private static let common: [(code: UInt16, mnemonic: String)] = [
        (1, "A"), (2, "NS"), (5, "CNAME"), (6, "SOA"), (12, "PTR"), (15, "MX"), (16, "TXT"), (28, "AAAA"), (33, "SRV"),
    ]

    package var description: String { mnemonic }
    package static func < (lhs: RRType, rhs: RRType) -> Bool { lhs.rawValue < rhs.rawValue }

    package static let a = RRType(1)
    package static let ns = RRType(2)
    package static let cname = RRType(5)
    package static let soa = RRType(6)
    package static let ptr = RRType(12)
    package static let mx = RRType(15)
    package static let txt = RRType(16)
    package static let aaaa = RRType(28)
    package static let srv = RRType(33)
    package static let dname = RRType(39)
    package static let opt = RRType(41)
    package static let ds = RRType(43)
    package static let rrsig = RRType(46)
    package static let nsec = RRType(47)
    package static let dnskey = RRType(48)
    package static let nsec3 = RRType(50)
    package static let nsec3param = RRType(51)
    package static let svcb = RRType(64)
    package static let https = RRType(65)

    /// DNSSEC bookkeeping types that may legally sit beside a CNAME (RFC 4035 2.5).
    package var isDNSSECMeta: Bool { self == .rrsig || self == .nsec || self == .nsec3 }

    /// Index of the rdata field holding a domain name other records point at, if any.
    package var targetFieldIndex: Int? {
        switch self {
        case .cname, .dname, .ns, .ptr, .soa: return 0
        case .mx: return 1
        case .srv: return 3
        default: return nil
        }
    }
}
