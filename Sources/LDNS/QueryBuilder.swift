import CLdns

/// Builds DNS query messages with ldns (`ldns_pkt_query_new` + `ldns_pkt2wire`).
package enum QueryBuilder {
    /// The EDNS UDP payload size of the DNS Flag Day 2020 recommendation.
    package static let ednsUDPSize: UInt16 = 1232

    /// Wire bytes of a query for `name`/`type` in class IN.
    /// - Parameters:
    ///   - name: the question name in uncompressed wire form.
    ///   - recursionDesired: RD flag; resolvers such as Unbound refuse queries without it.
    ///   - edns: adds an OPT record advertising `ednsUDPSize` when true.
    package static func query(name: [UInt8], type: RRType, id: UInt16, recursionDesired: Bool, edns: Bool) throws(LDNSError) -> [UInt8] {
        let qname = name.withUnsafeBytes { ldns_dname_new_frm_data(UInt16(name.count), $0.baseAddress) }
        guard let qname else { throw LDNSError(LDNS_STATUS_DOMAINNAME_UNDERFLOW) }
        // ldns_pkt_query_new takes ownership of qname.
        guard let packet = ldns_pkt_query_new(qname, ldns_rr_type(UInt32(type.rawValue)), LDNS_RR_CLASS_IN, 0) else {
            throw LDNSError(LDNS_STATUS_MEM_ERR)
        }
        defer { ldns_pkt_free(packet) }
        ldns_pkt_set_id(packet, id)
        ldns_pkt_set_rd(packet, recursionDesired)
        if edns { ldns_pkt_set_edns_udp_size(packet, ednsUDPSize) }
        var wire: UnsafeMutablePointer<UInt8>?
        var size = 0
        let status = ldns_pkt2wire(&wire, packet, &size)
        guard status == LDNS_STATUS_OK, let wire else { throw LDNSError(status == LDNS_STATUS_OK ? LDNS_STATUS_ERR : status) }
        defer { dnslint_free(wire) }
        return Array(UnsafeBufferPointer(start: wire, count: size))
    }
}
