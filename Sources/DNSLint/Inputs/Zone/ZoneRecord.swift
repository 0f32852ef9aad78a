import LDNS

/// One record of a zone, 28 bytes: names are ids into the zone's `NameTable`, rdata a slice of its arena.
struct ZoneRecord: Sendable {
    var owner: Int32
    /// The name the record points at (CNAME, MX, NS, SRV, SOA MNAME...), or -1.
    var target: Int32
    var rdataOffset: UInt32
    var ttl: UInt32
    var line: UInt32
    var type: RRType
    var rdataLength: UInt16
    var file: UInt16
    var rrClass: UInt16
}

/// A file read for a zone: the zone file itself or one reached by `$INCLUDE`.
struct ZoneFile: Sendable {
    var path: String
    var includedFrom: [IncludeSite]
}
