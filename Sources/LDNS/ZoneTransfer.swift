import CLdns

/// AXFR through ldns' resolver (`ldns_axfr_start`/`ldns_axfr_next`): blocking, one TCP connection.
package enum ZoneTransfer {
    /// Streams every record of `zone` from the server at `address` (an IPv4 or IPv6 literal) to `body`.
    /// Throws when the transfer cannot start, a read times out after `timeoutSeconds`, or it ends early.
    package static func axfr(zone: String, address: String, port: UInt16, timeoutSeconds: Int,
                            _ body: (RecordParts) -> Void) throws(LDNSError) {
        guard let resolver = ldns_resolver_new() else { throw LDNSError(LDNS_STATUS_MEM_ERR) }
        defer { ldns_resolver_deep_free(resolver) }
        let isIPv6 = address.contains(":")
        guard let server = address.withCString({ ldns_rdf_new_frm_str(isIPv6 ? LDNS_RDF_TYPE_AAAA : LDNS_RDF_TYPE_A, $0) }) else {
            throw LDNSError(code: Int(LDNS_STATUS_INVALID_IP4.rawValue), message: "\(address) is not an IP address")
        }
        defer { ldns_rdf_deep_free(server) }
        // push_nameserver copies the address.
        let pushed = ldns_resolver_push_nameserver(resolver, server)
        guard pushed == LDNS_STATUS_OK else { throw LDNSError(pushed) }
        ldns_resolver_set_port(resolver, port)
        ldns_resolver_set_timeout(resolver, timeval(tv_sec: timeoutSeconds, tv_usec: 0))
        ldns_resolver_set_retry(resolver, 1)

        guard let domain = zone.withCString({ ldns_dname_new_frm_str($0) }) else {
            throw LDNSError(code: Int(LDNS_STATUS_DOMAINNAME_OVERFLOW.rawValue), message: "\(zone) is not a domain name")
        }
        defer { ldns_rdf_deep_free(domain) }
        let started = ldns_axfr_start(resolver, domain, LDNS_RR_CLASS_IN)
        guard started == LDNS_STATUS_OK else { throw LDNSError(started) }

        guard let scratch = ldns_buffer_new(512) else { throw LDNSError(LDNS_STATUS_MEM_ERR) }
        defer { ldns_buffer_free(scratch) }
        while let rr = ldns_axfr_next(resolver) {
            defer { ldns_rr_free(rr) }
            if let parts = RecordParts(rr, buffer: scratch) { body(parts) }
        }
        guard ldns_axfr_complete(resolver) else {
            var reason = "the transfer of \(zone) ended before its closing SOA (refused, timed out or cut off)"
            if let last = ldns_axfr_last_pkt(resolver) {
                let rcode = Int(ldns_pkt_get_rcode(last).rawValue)
                if rcode != 0 { reason = "the server answered the transfer of \(zone) with rcode \(rcode)" }
            }
            throw LDNSError(code: Int(LDNS_STATUS_ERR.rawValue), message: reason)
        }
    }
}
