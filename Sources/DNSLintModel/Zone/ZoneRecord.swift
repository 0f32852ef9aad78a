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
    package init(path: String, includedFrom: [IncludeSite], origins: [OriginSwitch] = []) {
        self.path = path
        self.includedFrom = includedFrom
        self.origins = origins
    }

    package var path: String
    package var includedFrom: [IncludeSite]
    /// The origin the file starts with (line 0), then each `$ORIGIN` that changed it, in line order.
    package var origins: [OriginSwitch]

    /// The origin in effect on `line`.
    package func origin(atLine line: Int) -> DNSName? {
        // The last switch before the line: binary search, as a reverse zone may switch per network.
        var low = 0, high = origins.count
        while low < high {
            let middle = (low + high) / 2
            if origins[middle].line < line { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? origins[low - 1].origin : nil
    }
}

/// A `$ORIGIN` line (or the start of a file) and the origin it sets.
package struct OriginSwitch: Sendable {
    package var line: Int
    package var origin: DNSName

    package init(line: Int, origin: DNSName) {
        self.line = line
        self.origin = origin
    }
}
