import DNSLintModel
import LDNS

/// Offline answers: what an authoritative server loaded with this zone would say.
extension ZoneIndex: DNSView {
    static let udpLimit = 512

    package var label: String { "zone \(origin.text) (\(path))" }
    package var subjectCount: Int { subjects.count }
    package var zone: (any ZoneContents)? { self }
    package var view: any DNSView { self }
    /// The zone is in memory until the report is written: its findings are kept as the numbers that make them again.
    package var rederivesFindings: Bool { true }

    package func subject(at index: Int) -> AuditSubject {
        let id = subjects[index]
        let range = recordRange(of: id)
        return AuditSubject(name: name(id), location: range.isEmpty ? nil : location(of: records[range.lowerBound]), otherTypes: otherTypes(at: id))
    }

    /// Types asked beyond A and AAAA: what the name holds, less CNAME and DNSSEC data (not sent without DO).
    private func otherTypes(at id: Int32) -> [RRType] {
        var types: [RRType] = []
        for index in recordRange(of: id) where ZoneIndex.isAsked(records[index].type) && !types.contains(records[index].type) {
            types.append(records[index].type)
        }
        return types
    }

    /// Not A/AAAA (always asked), CNAME (followed), nor DNSSEC data (not sent without DO).
    static func isAsked(_ type: RRType) -> Bool {
        // By number: a switch over the named constants matched each through the generic Equatable witness.
        // A 1, CNAME 5, AAAA 28, DS 43, RRSIG 46, NSEC 47, DNSKEY 48, NSEC3 50, NSEC3PARAM 51, CDS 59, CDNSKEY 60.
        switch type.rawValue {
        case 1, 5, 28, 43, 46, 47, 48, 50, 51, 59, 60: false
        default: true
        }
    }

    package func answer(_ name: DNSName, _ type: RRType) -> DNSAnswer {
        let id = name.wire.flatMap { names.find($0) }
        return resolve(name, id: id, type: type)
    }

    /// A record of an answer: one of the zone's, or a CNAME synthesized from a DNAME.
    enum AnswerPart {
        case stored(ZoneRecord)
        case synthesized(RecordParts)
    }

    /// Hops a chain through DNAMEs is walked past the recording limit before the view gives up on it.
    static let unrecordedHopLimit = DNSAnswer.unrecordedHopLimit

    /// - Parameter collectingParts: keep the answer's records for an exact encoding. A first walk only adds up
    ///   their uncompressed size; the rare answer whose bound passes 512 bytes is walked again to be encoded.
    func resolve(_ question: DNSName, id startID: Int32?, type: RRType, collectingParts: Bool = false) -> DNSAnswer {
        var walk = AnswerWalk(answer: DNSAnswer(name: question, type: type, outcome: .noData, rcode: 0),
                              currentName: question, currentID: startID, collectsParts: collectingParts)
        walk: while true {
            let knownInZone = walk.currentID.map { isInZone($0) } ?? false
            guard knownInZone || walk.currentName.isSubdomain(of: origin) else {
                walk.answer.outcome = walk.recording ? .leftView(walk.currentName) : .hopLimit
                walk.answer.rcode = walk.recording ? nil : walk.answer.rcode
                break
            }
            let exact = walk.currentID.flatMap { Int($0) < flags.count && flags[Int($0)].contains(.exists) ? $0 : nil }
            let encloser = exact == nil ? closestEncloser(of: walk.currentName) : nil
            if hasDelegations || hasDNAMEs, let closest = exact ?? encloser?.id,
               let redirection = ZoneIndex.redirection(from: closest, isTheName: exact != nil, flags: flags,
                                                       parents: parents, originID: originID) {
                switch redirection {
                case .referral:
                    // The child zone has the answer: the parent gives a referral, nothing this view can judge.
                    walk.answer.outcome = walk.recording ? .leftView(walk.currentName) : .hopLimit
                    walk.answer.rcode = walk.recording ? nil : walk.answer.rcode
                    break walk
                case .dname(let owner):
                    guard let (dname, target, targetWire) = synthesize(walk.currentName, below: owner) else {
                        // RFC 6672 2.2: the synthesized name would be longer than 255 octets.
                        walk.answer.outcome = .failed("YXDOMAIN")
                        walk.answer.rcode = 6
                        break walk
                    }
                    let origin = RecordOrigin(location: location(of: dname))
                    let cname = RecordParts(owner: walk.currentName.wire ?? [0], type: .cname, rrClass: dname.rrClass,
                                            ttl: dname.ttl, rdata: targetWire)
                    if type == .cname, walk.recording {
                        // The synthesized CNAME is itself the answer to a CNAME query: nothing follows it.
                        walk.answer.records.append(AnswerRecord(type: .cname, ttl: dname.ttl, origin: origin, target: target))
                        add(.stored(dname), to: &walk)
                        add(.synthesized(cname), to: &walk)
                        walk.answer.outcome = .records
                        break walk
                    }
                    walk.synthesizedOwners.insert(walk.currentName)
                    let hop = CNAMEHop(owner: walk.currentName, target: target, ttl: dname.ttl, origin: origin, dname: name(owner))
                    guard follow(hop, to: names.find(targetWire), part: .stored(dname), synthesized: cname, in: &walk) else { break walk }
                    continue walk
                }
            }
            guard let node = exact ?? encloser.flatMap({ wildcard(at: $0.wire) }) else {
                if walk.recording {
                    walk.answer.outcome = .nxDomain
                    walk.answer.rcode = 3
                    walk.answer.negativeTTL = negativeTTL
                } else {
                    walk.answer.outcome = .hopLimit
                }
                break
            }
            let nodeRecords = recordRange(of: node)
            if type != .cname, let cnameIndex = nodeRecords.first(where: { records[$0].type == .cname }),
               case let cname = records[cnameIndex], cname.target >= 0 {
                let hop = CNAMEHop(owner: walk.currentName, target: name(cname.target), ttl: cname.ttl,
                                   origin: RecordOrigin(location: location(of: cname)))
                walk.visited.insert(node)
                guard follow(hop, to: cname.target, part: .stored(cname), in: &walk) else { break }
                continue
            }
            guard walk.recording else {
                walk.answer.outcome = .hopLimit
                break
            }
            for index in nodeRecords where records[index].type == type {
                let record = records[index]
                walk.answer.records.append(AnswerRecord(type: type, ttl: record.ttl, origin: RecordOrigin(location: location(of: record)),
                                                        target: record.target >= 0 && RRType.hostTargetTypes.contains(type) ? name(record.target) : nil))
                add(.stored(record), to: &walk)
            }
            if walk.answer.records.isEmpty {
                walk.answer.negativeTTL = negativeTTL
            } else {
                walk.answer.outcome = .records
            }
            break
        }
        let questionLength = startID.map { names.wireLength($0) } ?? (question.wire?.count ?? 1)
        let bound = 12 + questionLength + 4 + walk.partsBound
        if bound <= ZoneIndex.udpLimit {
            walk.answer.sizeWithoutEDNS = AnswerSize(bytes: bound, exact: false)
        } else if !walk.collectsParts {
            return resolve(question, id: startID, type: type, collectingParts: true)
        } else {
            walk.answer.sizeWithoutEDNS = exactSize(question: question, id: startID, type: type, parts: walk.parts,
                                                    finalName: walk.currentName, bound: bound)
        }
        return walk.answer
    }

    /// Takes the hop to its target; false when the walk stops there (a loop, or the hop limit).
    private func follow(_ hop: CNAMEHop, to targetID: Int32?, part: AnswerPart, synthesized: RecordParts? = nil,
                        in walk: inout AnswerWalk) -> Bool {
        if walk.recording {
            walk.answer.chain.append(hop)
            add(part, to: &walk)
            if let synthesized { add(.synthesized(synthesized), to: &walk) }
        } else {
            walk.answer.hopsNotRecorded += 1
        }
        if targetID.map({ walk.visited.contains($0) }) == true || walk.synthesizedOwners.contains(hop.target) {
            walk.answer.outcome = .loop
            return false
        }
        if walk.recording, walk.answer.chain.count >= maxCNAMEHops {
            // Without DNAMEs every chain is a path of CNAME records, whose tails are known once per zone.
            guard hasDNAMEs else {
                if let targetID { walkPastLimit(from: targetID, answer: &walk.answer) } else { walk.answer.outcome = .hopLimit }
                return false
            }
            walk.recording = false
        } else if !walk.recording, walk.answer.hopsNotRecorded >= ZoneIndex.unrecordedHopLimit {
            // "At least" the recorded length plus one: the true length is not known.
            walk.answer.outcome = .hopLimit
            walk.answer.hopsNotRecorded = 0
            return false
        }
        walk.currentID = targetID
        walk.currentName = hop.target
        return true
    }

    /// RFC 6672 2.2: `name` with the DNAME owner's labels replaced by the DNAME's target; nil past 255 octets.
    private func synthesize(_ name: DNSName, below owner: Int32) -> (dname: ZoneRecord, target: DNSName, wire: [UInt8])? {
        guard let dname = records(of: owner).first(where: { $0.type == .dname && $0.target >= 0 }),
              let wire = name.wire else { return nil }
        var synthesized = Array(wire.prefix(wire.count - names.wire(owner).count))
        synthesized += names.wire(dname.target)
        guard synthesized.count <= 255 else { return nil }
        return (dname, DNSName(normalized: WireName.text(synthesized)), synthesized)
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

    /// The CNAME target of a node as the walk past the limit follows it: in zone, not at or below a zone cut.
    func cnameTarget(of id: Int32) -> Int32? {
        guard isInZone(id), redirection(of: id) == nil, let cname = records(of: id).first(where: { $0.type == .cname }),
              cname.target >= 0 else { return nil }
        return cname.target
    }

    /// The closest existing name above `name` (its closest encloser, when `name` itself does not exist).
    private func closestEncloser(of name: DNSName) -> (id: Int32, wire: [UInt8])? {
        guard var wire = name.wire else { return nil }
        while wire.count > 1 {
            wire.removeFirst(Int(wire[0]) + 1)
            if let encloser = names.find(wire), flags[Int(encloser)].contains(.exists) { return (encloser, wire) }
        }
        return nil
    }

    /// The wildcard below a closest encloser, which answers for the names that do not exist there.
    private func wildcard(at encloser: [UInt8]) -> Int32? {
        guard let wildcard = names.find([1, UInt8(ascii: "*")] + encloser),
              flags[Int(wildcard)].contains(.hasRecords) else { return nil }
        return wildcard
    }

    /// Counts a record of the answer into its uncompressed size, an upper bound: only answers that may pass
    /// 512 bytes are encoded by ldns.
    private func add(_ part: AnswerPart, to walk: inout AnswerWalk) {
        switch part {
        case .stored(let record): walk.partsBound += names.wireLength(record.owner) + 10 + Int(record.rdataLength)
        case .synthesized(let record): walk.partsBound += record.owner.count + 10 + record.rdata.count
        }
        if walk.collectsParts { walk.parts.append(part) }
    }

    /// The encoded size of an answer whose uncompressed bound passes 512 bytes.
    private func exactSize(question: DNSName, id: Int32?, type: RRType, parts: [AnswerPart], finalName: DNSName,
                           bound: Int) -> AnswerSize {
        let questionWire = id.map { Array(names.wire($0)) } ?? question.wire ?? [0]
        // Wildcard answers carry the asked name as owner, not `*`.
        let finalWire = finalName.wire
        let encoded = parts.map { part -> RecordParts in
            switch part {
            case .synthesized(let record):
                return record
            case .stored(let record):
                let owner = names.wire(record.owner)
                let wildcard = owner.first == 1 && owner.dropFirst().first == UInt8(ascii: "*")
                return self.parts(of: record, owner: wildcard ? finalWire : nil)
            }
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

/// The state of one answer's walk down CNAME and DNAME hops, passed `inout` to `follow` rather than captured
/// by a nested function: captured variables live in heap boxes and are checked for exclusive access at run
/// time, on every answer of every name.
struct AnswerWalk {
    var answer: DNSAnswer
    var currentName: DNSName
    var currentID: Int32?
    var visited = VisitedNames()
    /// Names a DNAME redirected on this chain (they may have no id), for telling loops.
    var synthesizedOwners: Set<DNSName> = []
    /// The uncompressed size of the answer's records so far.
    var partsBound = 0
    /// Whether the records themselves are kept too (`parts`), for an exact encoding.
    var collectsParts: Bool
    var parts: [ZoneIndex.AnswerPart] = []
    /// Past `maxCNAMEHops` in a zone with DNAMEs the walk goes on counting hops, not recording them.
    var recording = true
}
