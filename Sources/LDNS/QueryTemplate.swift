/// A query as ldns writes it for the root name, cut where the question name goes. ldns' query for any other
/// name is the same bytes with that name in the gap (one name in the message: nothing to compress), so a
/// query is the header, the name and the rest, without building and freeing an ldns packet (about twenty
/// allocations) per query. A test holds the two byte for byte.
package struct QueryTemplate: Sendable {
    /// The 12-byte header; its first two bytes (the id) are set per query.
    package let header: [UInt8]
    /// What follows the question name: type, class and, with EDNS, the OPT record.
    package let tail: [UInt8]

    package init(type: RRType, recursionDesired: Bool, edns: Bool) throws(LDNSError) {
        let root = try QueryBuilder.query(name: [0], type: type, id: 0, recursionDesired: recursionDesired, edns: edns)
        header = Array(root[0..<12])
        tail = Array(root[13...])
    }

    /// The query for `name` (uncompressed wire form, as `WireName` makes it) under `id`.
    package func query(name: [UInt8], id: UInt16) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(header.count + name.count + tail.count)
        bytes += [UInt8(id >> 8), UInt8(id & 0xff)]
        bytes += header[2...]
        bytes += name
        bytes += tail
        return bytes
    }
}
