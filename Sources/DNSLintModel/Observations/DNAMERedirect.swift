import LDNS

/// A DNAME in a response that redirects a name (RFC 6672): servers send it with a CNAME synthesized from it,
/// and a client that gets the DNAME alone (an old server) synthesizes the CNAME itself (RFC 6672 3.4).
package struct DNAMERedirect: Sendable, Hashable {
    /// The DNAME's owner: a proper ancestor of the redirected name.
    package var owner: DNSName
    package var ttl: UInt32
    /// The redirected name: its labels below `owner` followed by the DNAME's target.
    package var target: DNSName

    /// The first DNAME of `records` that redirects `name`; nil when none does, or when the name it makes
    /// would be longer than 255 octets (the server's YXDOMAIN case).
    package static func find(for name: DNSName, in records: [RecordParts]) -> DNAMERedirect? {
        for record in records where record.type == .dname {
            let owner = DNSName(WireName.text(record.owner))
            guard name != owner, name.isSubdomain(of: owner), let wire = record.target else { continue }
            let prefix = name.text.dropLast(owner.text.count)
            let target = DNSName(normalized: String(prefix) + DNSName(WireName.text(wire)).text)
            guard target.wire != nil else { return nil }
            return DNAMERedirect(owner: owner, ttl: record.ttl, target: target)
        }
        return nil
    }
}
