import CLdns

/// One parsed record, borrowed from the parser: valid only inside the callback.
package struct RecordView {
    package let owner: UnsafeBufferPointer<UInt8>
    package let type: RRType
    package let rrClass: UInt16
    package let ttl: UInt32
    package let rdata: UnsafeBufferPointer<UInt8>
    /// The domain name a record points at (CNAME target, MX exchange, NS host...), in wire form.
    package let target: UnsafeBufferPointer<UInt8>?
}

/// Parses single presentation-format records with ldns (`ldns_rr_new_frm_str`).
/// Owns its ldns objects; use one per thread.
package final class RecordParser {
    private var origin: UnsafeMutablePointer<ldns_rdf>?
    private var originText = ""
    private let rdataBuffer: UnsafeMutablePointer<ldns_buffer>

    package init() {
        rdataBuffer = ldns_buffer_new(512)
    }

    deinit {
        if let origin { ldns_rdf_deep_free(origin) }
        ldns_buffer_free(rdataBuffer)
    }

    /// Sets the origin that relative names are completed with; the text must be absolute.
    package func setOrigin(_ text: String) -> Bool {
        if text == originText, origin != nil { return true }
        guard let rdf = text.withCString({ ldns_dname_new_frm_str($0) }) else { return false }
        if let origin { ldns_rdf_deep_free(origin) }
        origin = rdf
        originText = text
        return true
    }

    private var fieldParser = FieldRecordParser()

    /// Parses one record line (no comments, parentheses or newlines; owner explicit).
    /// `fieldByField: false` forces the full `ldns_rr_new_frm_str` path (tests compare the two).
    package func parse(_ line: UnsafePointer<CChar>, defaultTTL: UInt32, fieldByField: Bool = true,
                      _ body: (RecordView) -> Void) -> LDNSError? {
        if fieldByField, fieldParser.parse(line, defaultTTL: defaultTTL, origin: origin, body) { return nil }
        var rrPointer: UnsafeMutablePointer<ldns_rr>?
        let status = ldns_rr_new_frm_str(&rrPointer, line, defaultTTL, origin, nil)
        guard status == LDNS_STATUS_OK, let rr = rrPointer else {
            if let rrPointer { ldns_rr_free(rrPointer) }
            return LDNSError(status == LDNS_STATUS_OK ? LDNS_STATUS_ERR : status)
        }
        defer { ldns_rr_free(rr) }
        guard let owner = ldns_rr_owner(rr), let ownerData = ldns_rdf_data(owner) else {
            return LDNSError(LDNS_STATUS_SYNTAX_ERR)
        }
        ldns_buffer_clear(rdataBuffer)
        let written = ldns_rr_rdata2buffer_wire(rdataBuffer, rr)
        guard written == LDNS_STATUS_OK else { return LDNSError(written) }
        // ldns accepts `TYPE70000` and `CLASS70000` as numbers past 16 bits that no record can carry.
        guard let typeCode = UInt16(exactly: ldns_rr_get_type(rr).rawValue) else { return LDNSError(LDNS_STATUS_SYNTAX_TYPE_ERR) }
        guard let rrClass = UInt16(exactly: ldns_rr_get_class(rr).rawValue) else { return LDNSError(LDNS_STATUS_SYNTAX_CLASS_ERR) }
        let type = RRType(typeCode)
        var target: UnsafeBufferPointer<UInt8>?
        if let index = type.targetFieldIndex, index < ldns_rr_rd_count(rr),
           let field = ldns_rr_rdf(rr, index), ldns_rdf_get_type(field) == LDNS_RDF_TYPE_DNAME,
           let data = ldns_rdf_data(field) {
            target = UnsafeBufferPointer(start: data, count: ldns_rdf_size(field))
        }
        body(RecordView(
            owner: UnsafeBufferPointer(start: ownerData, count: ldns_rdf_size(owner)),
            type: type,
            rrClass: rrClass,
            ttl: ldns_rr_ttl(rr),
            rdata: UnsafeBufferPointer(start: ldns_buffer_begin(rdataBuffer), count: ldns_buffer_position(rdataBuffer)),
            target: target
        ))
        return nil
    }
}
