import DNSLintModel
import LDNS

/// Offline answers: what an authoritative server loaded with this zone would say.
extension ZoneIndex: DNSView {
    static let udpLimit = 512

    package var label: String { "zone \(origin.text) (\(path))" }
    package var subjectCount: Int { subjects.count }
    package var zoneOrigin: DNSName? { origin }

    package func subject(at index: Int) -> AuditSubject {
        let id = subjects[index]
        return AuditSubject(name: name(id), location: records(of: id).first.map(location(of:)), otherTypes: otherTypes(at: id))
    }

    /// Types asked beyond A and AAAA: what the name holds, less CNAME and DNSSEC data (not sent without DO).
    private func otherTypes(at id: Int32) -> [RRType] {
        var types: [RRType] = []
        for record in records(of: id) where ZoneIndex.isAsked(record.type) && !types.contains(record.type) {
            types.append(record.type)
        }
        return types
    }

    /// Not A/AAAA (always asked), CNAME (followed), nor DNSSEC data (not sent without DO).
    private static func isAsked(_ type: RRType) -> Bool {
        switch type {
        case .a, .aaaa, .cname, .rrsig, .nsec, .nsec3, .nsec3param, .dnskey, .ds, RRType(59), RRType(60): false
        default: true
        }
    }

    package func answer(_ name: DNSName, _ type: RRType) -> DNSAnswer {
        let id = name.wire.flatMap { names.find($0) }
        return resolve(name, id: id, type: type)
    }

    func resolve(_ question: DNSName, id startID: Int32?, type: RRType) -> DNSAnswer {
        var answer = DNSAnswer(name: question, type: type, outcome: .noData, rcode: 0)
        var currentName = question
        var currentID = startID
        var visited = VisitedNames()
        var answerParts: [ZoneRecord] = []
        while true {
            let knownInZone = currentID.map { isInZone($0) } ?? false
            guard knownInZone || currentName.isSubdomain(of: origin) else {
                answer.outcome = .leftView(currentName)
                answer.rcode = nil
                break
            }
            guard let node = node(for: currentName, id: currentID) else {
                answer.outcome = .nxDomain
                answer.rcode = 3
                answer.negativeTTL = negativeTTL
                break
            }
            if isOccluded(node) {
                answer.outcome = .leftView(currentName)
                answer.rcode = nil
                break
            }
            let nodeRecords = records(of: node)
            if type != .cname, let cname = nodeRecords.first(where: { $0.type == .cname }), cname.target >= 0 {
                answer.chain.append(CNAMEHop(owner: currentName, target: name(cname.target), ttl: cname.ttl,
                                             origin: RecordOrigin(location: location(of: cname))))
                answerParts.append(cname)
                visited.insert(node)
                if visited.contains(cname.target) {
                    answer.outcome = .loop
                    break
                }
                if answer.chain.count >= maxCNAMEHops {
                    walkPastLimit(from: cname.target, answer: &answer)
                    break
                }
                currentID = cname.target
                currentName = answer.chain.last!.target
                continue
            }
            for record in nodeRecords where record.type == type {
                answer.records.append(AnswerRecord(type: type, ttl: record.ttl, origin: RecordOrigin(location: location(of: record))))
                answerParts.append(record)
            }
            if answer.records.isEmpty {
                answer.negativeTTL = negativeTTL
            } else {
                answer.outcome = .records
            }
            break
        }
        answer.sizeWithoutEDNS = size(question: question, id: startID, type: type, parts: answerParts, finalName: currentName)
        return answer
    }

    /// Past the recording limit: the rest of the chain from `start`, without recording it, so the outcome and
    /// the true length do not depend on the limit. The tails are computed once per zone (`CNAMETails`), so a
    /// hostile zone of one huge loop costs linear time, not a walk of the loop per name.
    private func walkPastLimit(from start: Int32, answer: inout DNSAnswer) {
        switch cnameTails.tail(from: start, target: cnameTarget(of:)) {
        case .loops: answer.outcome = .loop
        case .ends(let hops):
            answer.outcome = .hopLimit
            answer.hopsNotRecorded = hops
        }
    }

    /// The CNAME target of a node as the walk past the limit follows it: in zone, not occluded.
    func cnameTarget(of id: Int32) -> Int32? {
        guard isInZone(id), !isOccluded(id), let cname = records(of: id).first(where: { $0.type == .cname }),
              cname.target >= 0 else { return nil }
        return cname.target
    }

    /// The node that answers for a name: the name itself if it exists, else a wildcard at its closest encloser.
    private func node(for name: DNSName, id: Int32?) -> Int32? {
        if let id, Int(id) < flags.count, flags[Int(id)].contains(.exists) { return id }
        guard var wire = name.wire else { return nil }
        while wire.count > 1 {
            wire.removeFirst(Int(wire[0]) + 1)
            guard let encloser = names.find(wire), flags[Int(encloser)].contains(.exists) else { continue }
            let wildcard = names.find([1, UInt8(ascii: "*")] + wire)
            if let wildcard, flags[Int(wildcard)].contains(.hasRecords) { return wildcard }
            return nil
        }
        return nil
    }

    /// Uncompressed size is an upper bound; only answers that may pass 512 bytes are encoded by ldns.
    private func size(question: DNSName, id: Int32?, type: RRType, parts: [ZoneRecord], finalName: DNSName) -> AnswerSize {
        // The question's wire length is known from the name table; converting the text is only for encoding.
        let questionLength = id.map { names.wire($0).count } ?? (question.wire?.count ?? 1)
        var bound = 12 + questionLength + 4
        for record in parts {
            bound += names.wire(record.owner).count + 10 + Int(record.rdataLength)
        }
        guard bound > ZoneIndex.udpLimit else { return AnswerSize(bytes: bound, exact: false) }
        let questionWire = id.map { Array(names.wire($0)) } ?? question.wire ?? [0]
        // Wildcard answers carry the asked name as owner, not `*`.
        let finalWire = finalName.wire
        let encoded = parts.map { record -> RecordParts in
            let owner = names.wire(record.owner)
            let synthesized = owner.first == 1 && owner.dropFirst().first == UInt8(ascii: "*")
            return self.parts(of: record, owner: synthesized ? finalWire : nil)
        }
        if let exact = AnswerEncoder.wireSize(question: questionWire, type: type, answers: encoded) {
            return AnswerSize(bytes: exact, exact: true)
        }
        return AnswerSize(bytes: bound, exact: false)
    }
}

extension ZoneIndex {
    package func audit(at index: Int) -> NameAudit {
        let id = subjects[index]
        let subject = subject(at: index)
        return NameAudit(subject: subject, a: resolve(subject.name, id: id, type: .a),
                         aaaa: resolve(subject.name, id: id, type: .aaaa),
                         others: subject.otherTypes.map { resolve(subject.name, id: id, type: $0) }, view: self)
    }
}
