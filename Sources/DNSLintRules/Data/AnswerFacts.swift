import DNSLintModel
import LDNS

/// Shared wording and locations for DNS data findings, so every data rule speaks alike.
extension NameAudit {
    var origin: DNSName? { view.zoneOrigin }

    func dnsSubject(_ type: RRType, server: String? = nil) -> DNSSubject {
        DNSSubject(name: subject.name.text, type: type.mnemonic, server: server)
    }

    /// Each CNAME hop and the final records as related locations; a subject only where there is no file line.
    /// Messages are built as bytes: a large zone's findings carry hundreds of thousands of them.
    func related(_ answer: DNSAnswer) -> [RelatedLocation] {
        let origin = self.origin
        var related: [RelatedLocation] = []
        related.reserveCapacity(answer.chain.count + min(answer.records.count, 3))
        for hop in answer.chain {
            var message = TextBuilder()
            message.add(hop.owner, relativeTo: origin)
            message.add(" CNAME ")
            message.add(hop.target, relativeTo: origin)
            message.add(" (TTL ")
            message.add(hop.ttl)
            if let dname = hop.dname {
                // A hop a DNAME synthesized points at the DNAME's line, and says so.
                message.add(", synthesized from the DNAME at ")
                message.add(dname, relativeTo: origin)
            }
            message.add(")")
            if let server = hop.origin.server {
                message.add(" from ")
                message.add(server)
            }
            related.append(RelatedLocation(message: message.text, location: hop.origin.location,
                                           subject: hop.origin.location == nil ? DNSSubject(name: hop.owner.text, type: "CNAME", server: hop.origin.server) : nil))
        }
        let finalName = answer.finalName
        for record in answer.records.prefix(3) {
            var message = TextBuilder()
            message.add(finalName, relativeTo: origin)
            message.add(" ")
            message.add(record.type.mnemonic)
            message.add(" (TTL ")
            message.add(record.ttl)
            message.add(")")
            related.append(RelatedLocation(message: message.text, location: record.origin.location,
                                           subject: record.origin.location == nil ? DNSSubject(name: finalName.text, type: record.type.mnemonic, server: record.origin.server) : nil))
        }
        return related
    }
}
