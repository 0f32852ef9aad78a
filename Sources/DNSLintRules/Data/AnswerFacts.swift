import DNSLintModel
import LDNS

/// Shared wording and locations for DNS data findings, so every data rule speaks alike.
extension NameAudit {
    var origin: DNSName? { view.zoneOrigin }

    func dnsSubject(_ type: RRType, server: String? = nil) -> DNSSubject {
        DNSSubject(name: subject.name.text, type: type.mnemonic, server: server)
    }

    /// Each CNAME hop and the final records as related locations; a subject only where there is no file line.
    func related(_ answer: DNSAnswer) -> [RelatedLocation] {
        var related = answer.chain.map { hop in
            // A hop a DNAME synthesized points at the DNAME's line, and says so.
            let synthesized = hop.dname.map { ", synthesized from the DNAME at \($0.relative(to: origin))" } ?? ""
            return RelatedLocation(message: "\(hop.owner.relative(to: origin)) CNAME \(hop.target.relative(to: origin)) (TTL \(hop.ttl)\(synthesized))\(hop.origin.server.map { " from \($0)" } ?? "")",
                                   location: hop.origin.location,
                                   subject: hop.origin.location == nil ? DNSSubject(name: hop.owner.text, type: "CNAME", server: hop.origin.server) : nil)
        }
        let finalName = answer.records.isEmpty ? "" : answer.finalName.relative(to: origin)
        for record in answer.records.prefix(3) {
            related.append(RelatedLocation(message: "\(finalName) \(record.type) (TTL \(record.ttl))",
                                           location: record.origin.location,
                                           subject: record.origin.location == nil ? DNSSubject(name: answer.finalName.text, type: record.type.mnemonic, server: record.origin.server) : nil))
        }
        return related
    }
}
