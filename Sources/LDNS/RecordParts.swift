import CLdns

/// A record held as plain values: owner and rdata in uncompressed wire form.
package struct RecordParts: Sendable, Hashable {
    package var owner: [UInt8]
    package var type: RRType
    package var rrClass: UInt16
    package var ttl: UInt32
    package var rdata: [UInt8]

    package init(owner: [UInt8], type: RRType, rrClass: UInt16 = 1, ttl: UInt32, rdata: [UInt8]) {
        self.owner = owner
        self.type = type
        self.rrClass = rrClass
        self.ttl = ttl
        self.rdata = rdata
    }
}

extension RecordParts {
    /// Builds an ldns record; the caller owns and frees it.
    func makeLDNSRecord() -> UnsafeMutablePointer<ldns_rr>? {
        guard let rr = ldns_rr_new() else { return nil }
        let ownerRdf = owner.withUnsafeBytes { ldns_dname_new_frm_data(UInt16(owner.count), $0.baseAddress) }
        guard let ownerRdf else {
            ldns_rr_free(rr)
            return nil
        }
        ldns_rr_set_owner(rr, ownerRdf)
        ldns_rr_set_type(rr, ldns_rr_type(UInt32(type.rawValue)))
        ldns_rr_set_class(rr, ldns_rr_class(UInt32(rrClass)))
        ldns_rr_set_ttl(rr, ttl)
        // ldns_wire2rdf reads RDLENGTH first, as on the wire.
        var wire: [UInt8] = [UInt8(rdata.count >> 8), UInt8(rdata.count & 0xff)]
        wire.append(contentsOf: rdata)
        var position = 0
        let status = wire.withUnsafeBufferPointer { ldns_wire2rdf(rr, $0.baseAddress, $0.count, &position) }
        guard status == LDNS_STATUS_OK else {
            ldns_rr_free(rr)
            return nil
        }
        return rr
    }

    /// Presentation form of the rdata as ldns prints it (`10 mail.example.com.`).
    package var rdataText: String {
        guard let rr = makeLDNSRecord() else { return "\\# \(rdata.count)" }
        defer { ldns_rr_free(rr) }
        var fields: [String] = []
        for index in 0..<ldns_rr_rd_count(rr) {
            guard let rdf = ldns_rr_rdf(rr, index), let text = ldns_rdf2str(rdf) else { continue }
            fields.append(String(cString: text))
            dnslint_free(text)
        }
        return fields.joined(separator: " ")
    }
}
