import CLdns

/// A DNS message decoded by ldns into plain values; no ldns pointer survives decoding.
package struct DNSMessage: Sendable, Hashable {
    package struct Question: Sendable, Hashable {
        /// Uncompressed wire form, as the server spelled it.
        package var name: [UInt8]
        package var type: RRType
        package var rrClass: UInt16
    }

    package var id: UInt16
    package var isResponse: Bool
    package var opcode: Int
    package var authoritative: Bool
    package var truncated: Bool
    package var recursionDesired: Bool
    package var recursionAvailable: Bool
    /// The 4-bit header rcode (0 NOERROR, 1 FORMERR, 2 SERVFAIL, 3 NXDOMAIN, 5 REFUSED).
    package var rcode: Int
    package var question: Question?
    package var answer: [RecordParts]
    /// The authority section. The additional section is not kept: nothing reads it, and copying it out
    /// cost allocations on every reply a live audit receives.
    package var authority: [RecordParts]
    /// Whether the message carried an OPT record (EDNS).
    package var hasOPT: Bool
    package var ednsUDPSize: UInt16?
    /// Size of the message on the wire in bytes.
    package var size: Int

    /// Decodes wire bytes. Malformed input (truncated sections, compression loops, bad lengths)
    /// comes back as an error from ldns' parser, never as a crash.
    package static func decode(_ bytes: UnsafeRawBufferPointer) throws(LDNSError) -> DNSMessage {
        guard bytes.count >= 12, let base = bytes.baseAddress else { throw LDNSError(LDNS_STATUS_PACKET_OVERFLOW) }
        guard !TSIGPlacement.isMisplaced(bytes) else {
            throw LDNSError(code: Int(LDNS_STATUS_WIRE_RDATA_ERR.rawValue),
                            message: "a TSIG record that is not the last additional record (RFC 8945 section 5.1)")
        }
        var packetPointer: UnsafeMutablePointer<ldns_pkt>?
        let status = ldns_wire2pkt(&packetPointer, base.assumingMemoryBound(to: UInt8.self), bytes.count)
        guard status == LDNS_STATUS_OK, let packet = packetPointer else {
            if let packetPointer { ldns_pkt_free(packetPointer) }
            throw LDNSError(status == LDNS_STATUS_OK ? LDNS_STATUS_ERR : status)
        }
        defer { ldns_pkt_free(packet) }
        let buffer = ldns_buffer_new(512)!
        defer { ldns_buffer_free(buffer) }

        // The first question only, read without an array of records.
        let question = ldns_pkt_question(packet).flatMap { ldns_rr_list_rr_count($0) > 0 ? ldns_rr_list_rr($0, 0) : nil }
            .flatMap { rr -> Question? in
                guard let owner = ldns_rr_owner(rr), let data = ldns_rdf_data(owner) else { return nil }
                return Question(name: Array(UnsafeBufferPointer(start: data, count: ldns_rdf_size(owner))),
                                type: RRType(UInt16(ldns_rr_get_type(rr).rawValue)),
                                rrClass: UInt16(ldns_rr_get_class(rr).rawValue))
            }
        let edns = ldns_pkt_edns(packet)
        return DNSMessage(
            id: ldns_pkt_id(packet),
            isResponse: ldns_pkt_qr(packet),
            opcode: Int(ldns_pkt_get_opcode(packet).rawValue),
            authoritative: ldns_pkt_aa(packet),
            truncated: ldns_pkt_tc(packet),
            recursionDesired: ldns_pkt_rd(packet),
            recursionAvailable: ldns_pkt_ra(packet),
            rcode: Int(ldns_pkt_get_rcode(packet).rawValue) & 0x0f,
            question: question,
            answer: records(ldns_pkt_answer(packet), buffer: buffer),
            authority: records(ldns_pkt_authority(packet), buffer: buffer),
            hasOPT: edns,
            ednsUDPSize: edns ? ldns_pkt_edns_udp_size(packet) : nil,
            size: bytes.count
        )
    }

    package static func decode(_ bytes: [UInt8]) throws(LDNSError) -> DNSMessage {
        try bytes.withUnsafeBytes { decodeResult($0) }.get()
    }

    package static func decodeResult(_ bytes: UnsafeRawBufferPointer) -> Result<DNSMessage, LDNSError> {
        do throws(LDNSError) { return .success(try decode(bytes)) } catch { return .failure(error) }
    }

    /// The query id in the first two bytes, readable even when the rest does not decode.
    package static func peekID(_ bytes: UnsafeRawBufferPointer) -> UInt16? {
        guard bytes.count >= 2 else { return nil }
        return UInt16(bytes[0]) << 8 | UInt16(bytes[1])
    }

    private static func records(_ list: UnsafeMutablePointer<ldns_rr_list>?, buffer: UnsafeMutablePointer<ldns_buffer>) -> [RecordParts] {
        guard let list else { return [] }
        let count = ldns_rr_list_rr_count(list)
        var out: [RecordParts] = []
        out.reserveCapacity(count)
        for index in 0..<count {
            guard let rr = ldns_rr_list_rr(list, index), let parts = RecordParts(rr, buffer: buffer) else { continue }
            out.append(parts)
        }
        return out
    }
}

extension RecordParts {
    /// Copies an ldns record into plain values; `buffer` is scratch space for the rdata.
    init?(_ rr: UnsafeMutablePointer<ldns_rr>, buffer: UnsafeMutablePointer<ldns_buffer>) {
        guard let owner = ldns_rr_owner(rr), let ownerData = ldns_rdf_data(owner) else { return nil }
        ldns_buffer_clear(buffer)
        var rdata: [UInt8] = []
        if ldns_rr_rd_count(rr) > 0 {
            guard ldns_rr_rdata2buffer_wire(buffer, rr) == LDNS_STATUS_OK else { return nil }
            rdata = Array(UnsafeBufferPointer(start: ldns_buffer_begin(buffer),
                                              count: ldns_buffer_position(buffer)))
        }
        self.init(owner: Array(UnsafeBufferPointer(start: ownerData, count: ldns_rdf_size(owner))),
                  type: RRType(UInt16(ldns_rr_get_type(rr).rawValue)),
                  rrClass: UInt16(ldns_rr_get_class(rr).rawValue), ttl: ldns_rr_ttl(rr), rdata: rdata)
    }

    /// The domain name this record points at (CNAME/DNAME target, NS host...) in wire form, if any.
    package var target: [UInt8]? {
        guard let index = type.targetFieldIndex else { return nil }
        // MX has a 2-byte preference before the name, SRV 6 bytes of priority, weight, port.
        let offset = index == 0 ? 0 : (type == .mx ? 2 : 6)
        guard offset < rdata.count else { return nil }
        var end = offset
        while end < rdata.count {
            let length = Int(rdata[end])
            if length == 0 { return Array(rdata[offset...end]) }
            guard length < 64 else { return nil }
            end += length + 1
        }
        return nil
    }

    /// One line of presentation format, as ldns prints it (`www.example.com. 300 IN A 192.0.2.1`).
    package var presentation: String {
        "\(WireName.text(owner)) \(ttl) \(rrClass == 1 ? "IN" : "CLASS\(rrClass)") \(type.mnemonic) \(rdataText)"
    }
}
