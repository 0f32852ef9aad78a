import LDNS

/// One record of a zone, 28 bytes: names are ids into the zone's `NameTable`, rdata a slice of its arena.
package struct ZoneRecord: Sendable {
    package init(owner: Int32, target: Int32, rdataOffset: UInt32, ttl: UInt32, line: UInt32, type: RRType, rdataLength: UInt16, file: UInt16, rrClass: UInt16) {
        self.owner = owner
        self.target = target
        self.rdataOffset = rdataOffset
        self.ttl = ttl
        self.line = line
        self.type = type
        self.rdataLength = rdataLength
        self.file = file
        self.rrClass = rrClass
    }

    package var owner: Int32
    /// The name the record points at (CNAME, MX, NS, SRV, SOA MNAME...), or -1.
    package var target: Int32
    package var rdataOffset: UInt32
    package var ttl: UInt32
    package var line: UInt32
    package var type: RRType
    package var rdataLength: UInt16
    package var file: UInt16
    package var rrClass: UInt16
}

/// A file read for a zone: the zone file itself or one reached by `$INCLUDE`.
package struct ZoneFile: Sendable {
    package init(path: String, includedFrom: [IncludeSite]) {
        self.path = path
        self.includedFrom = includedFrom
    }

    package var path: String
    package var includedFrom: [IncludeSite]
}
