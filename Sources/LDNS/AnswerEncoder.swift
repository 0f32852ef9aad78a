import CLdns

/// Encodes DNS responses with ldns, to learn what a server would really put on the wire.
package enum AnswerEncoder {
    /// Size in bytes of a response to `question`/`type` carrying `answers` in the answer
    /// section, no EDNS, names compressed by ldns' encoder; nil if ldns cannot encode it.
    package static func wireSize(question: [UInt8], type: RRType, answers: [RecordParts]) -> Int? {
        // ldns counts a section's records in a 16-bit loop variable: at 65,536 it wraps and encodes forever.
        // No DNS message holds that many records in a section anyway.
        guard answers.count <= Int(UInt16.max) else { return nil }
        guard let packet = ldns_pkt_new() else { return nil }
        defer { ldns_pkt_free(packet) }
        ldns_pkt_set_qr(packet, true)
        ldns_pkt_set_aa(packet, true)
        let questionParts = RecordParts(owner: question, type: type, ttl: 0, rdata: [])
        guard let questionRecord = questionParts.makeLDNSRecord() else { return nil }
        ldns_rr_set_question(questionRecord, true)
        _ = ldns_pkt_push_rr(packet, LDNS_SECTION_QUESTION, questionRecord)
        for answer in answers {
            guard let record = answer.makeLDNSRecord() else { return nil }
            _ = ldns_pkt_push_rr(packet, LDNS_SECTION_ANSWER, record)
        }
        var wire: UnsafeMutablePointer<UInt8>?
        var size = 0
        guard ldns_pkt2wire(&wire, packet, &size) == LDNS_STATUS_OK else { return nil }
        dnslint_free(wire)
        return size
    }
}
