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
        AnswerPlaces(answer).related(origin: origin)
    }
}

/// What `NameAudit.related(_:)` says of an answer, kept without its text: the CNAME hops (the answer's own
/// array, shared) and the first three final records' type, TTL and origin. Findings made by the hundred
/// thousand keep this and write the related places when a reporter reads them (`DeferredFindingText`).
struct AnswerPlaces: Sendable {
    struct Record: Sendable {
        var type: RRType
        var ttl: UInt32
        var origin: RecordOrigin
    }

    var hops: [CNAMEHop]
    var records: [Record]
    var finalName: DNSName

    init(_ answer: DNSAnswer, hops: Bool = true) {
        self.hops = hops ? answer.chain : []
        records = answer.records.prefix(3).map { Record(type: $0.type, ttl: $0.ttl, origin: $0.origin) }
        finalName = answer.finalName
    }

    /// Messages are built as bytes: a large zone's findings carry hundreds of thousands of them.
    func related(origin: DNSName?) -> [RelatedLocation] {
        var related: [RelatedLocation] = []
        related.reserveCapacity(hops.count + records.count)
        for hop in hops {
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
        for record in records {
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
