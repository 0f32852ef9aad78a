import DNSLintModel
import Foundation
import LDNS
import Synchronization

/// A zone held as compact records grouped by owner, with the facts resolution needs.
/// Answers the DNSView offline (see ZoneIndex+DNSView.swift).
package final class ZoneIndex: ZoneContents, Sendable {
    package let path: String
    package let origin: DNSName
    package let originID: Int32
    let names: NameTable
    /// Records grouped by owner; input order within an owner.
    let records: [ZoneRecord]
    /// For name id `n`, its records are `records[nodeStarts[n]..<nodeStarts[n + 1]]`.
    let nodeStarts: [Int32]
    let flags: [NodeFlags]
    /// Parent name id inside the zone, or -1 (apex, or outside the zone).
    let parents: [Int32]
    let rdata: [UInt8]
    let files: [ZoneFile]
    /// Each file's place with its line left to fill: a record's location is then one copy, not a file's
    /// fields copied and assembled for every record an answer or finding names.
    let fileLocations: [SourceLocation]
    let hasDelegations: Bool
    /// Some in-zone name holds a DNAME: names below it are answered by synthesis (RFC 6672).
    let hasDNAMEs: Bool
    /// RFC 2308: negative answers are cached for min(SOA TTL, SOA MINIMUM).
    let negativeTTL: UInt32?
    let subjects: [Int32]
    /// CNAME hops recorded per answer; the walk goes on past it without recording.
    let maxCNAMEHops: Int
    /// Where each chain goes, for walks past `maxCNAMEHops`.
    let cnameTails: CNAMETails

    struct NodeFlags: OptionSet, Sendable {
        let rawValue: UInt8
        /// Has records, or names below it do (an empty non-terminal).
        static let exists = NodeFlags(rawValue: 1)
        static let inZone = NodeFlags(rawValue: 2)
        static let delegation = NodeFlags(rawValue: 4)
        static let hasRecords = NodeFlags(rawValue: 8)
        /// Owns a DNAME: the names below it are redirected.
        static let dname = NodeFlags(rawValue: 16)
        /// Named by an NS record: its addresses are glue even below a zone cut.
        static let nameServer = NodeFlags(rawValue: 32)
    }

    /// What a name at or below a zone cut or below a DNAME is answered with, instead of the zone's own data.
    enum Redirection: Equatable {
        /// A referral to the child zone delegated at `cut`.
        case referral(cut: Int32)
        /// Synthesis from the DNAME at `owner`.
        case dname(owner: Int32)
    }

    init(path: String, origin: DNSName, builder: consuming ZoneBuilder, maxCNAMEHops: Int) {
        self.path = path
        self.maxCNAMEHops = max(1, maxCNAMEHops)
        self.origin = origin
        var names = builder.names
        let originWire = origin.wire ?? [0]
        let originID = names.intern(originWire)
        var parents = [Int32](repeating: -1, count: names.count)
        var flags = [NodeFlags](repeating: [], count: names.count)
        for record in builder.records { flags[Int(record.owner)].insert(.hasRecords) }
        // Records are grouped by owner on another thread while the ancestors are linked here: the two touch
        // different arrays, and nothing else runs at this point of a read. The records are handed over, not
        // shared, so the grouping sorts them in place.
        let ownerCount = names.count
        let handedOver = Mutex<[ZoneRecord]?>(builder.records)
        builder.records = []
        let grouping = BackgroundWork { () -> ([ZoneRecord], [Int32]) in
            var records = handedOver.withLock { $0.take() } ?? []
            let starts = ZoneIndex.groupByOwner(&records, nameCount: ownerCount)
            return (records, starts)
        }
        ZoneIndex.linkAncestors(&names, parents: &parents, flags: &flags, originID: originID, originWire: originWire)
        let (sorted, ownerStarts) = grouping.wait()
        var starts = ownerStarts
        // Ancestors interned since own no records.
        starts.append(contentsOf: repeatElement(Int32(sorted.count), count: names.count - ownerCount))
        var hasDelegations = false
        var hasDNAMEs = false
        var negativeTTL: UInt32?
        for record in sorted where record.type == .dname || record.type == .ns || record.type == .soa {
            if record.type == .dname {
                if flags[Int(record.owner)].contains(.inZone), record.target >= 0 {
                    flags[Int(record.owner)].insert(.dname)
                    hasDNAMEs = true
                }
                continue
            }
            if record.type == .ns, record.target >= 0, Int(record.target) < flags.count {
                flags[Int(record.target)].insert(.nameServer)
            }
            if record.owner == originID {
                guard record.type == .soa else { continue }
                let minimumOffset = Int(record.rdataOffset) + Int(record.rdataLength) - 4
                if record.rdataLength >= 4, negativeTTL == nil {
                    let minimum = builder.rdata[minimumOffset..<minimumOffset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                    negativeTTL = min(record.ttl, minimum)
                }
            } else if record.type == .ns, flags[Int(record.owner)].contains(.inZone) {
                flags[Int(record.owner)].insert(.delegation)
                hasDelegations = true
            }
        }
        self.originID = originID
        self.names = names
        cnameTails = CNAMETails(nameCount: names.count)
        self.records = sorted
        self.nodeStarts = starts
        self.flags = flags
        self.parents = parents
        self.rdata = builder.rdata
        self.files = builder.files
        fileLocations = builder.files.map { SourceLocation(path: $0.path, line: 0, includedFrom: $0.includedFrom) }
        self.hasDelegations = hasDelegations
        self.hasDNAMEs = hasDNAMEs
        self.negativeTTL = negativeTTL
        self.subjects = ZoneIndex.auditedNames(flags: flags, parents: parents, redirects: hasDelegations || hasDNAMEs, originID: originID)
    }

    /// Interns every in-zone ancestor of each owner so empty non-terminals exist and parents link up.
    private static func linkAncestors(_ names: inout NameTable, parents: inout [Int32], flags: inout [NodeFlags],
                                      originID: Int32, originWire: [UInt8]) {
        flags[Int(originID)].insert([.inZone, .exists])
        let owners = (0..<flags.count).filter { flags[$0].contains(.hasRecords) }
        // One scratch copy of each owner's name (interning may grow the table it points into); its parents
        // are suffixes of it, taken by offset rather than by shifting the bytes out.
        var wire: [UInt8] = []
        for owner in owners {
            var child = Int32(owner)
            wire.removeAll(keepingCapacity: true)
            wire.append(contentsOf: names.wire(child))
            guard isSubdomain(wire, of: originWire) else { continue }
            flags[owner].insert([.inZone, .exists])
            var offset = 0
            while child != originID {
                offset += Int(wire[offset]) + 1
                let parent = wire.withUnsafeBufferPointer { names.intern(UnsafeBufferPointer(rebasing: $0[offset...])) }
                if Int(parent) >= parents.count {
                    parents.append(contentsOf: repeatElement(-1, count: Int(parent) - parents.count + 1))
                    flags.append(contentsOf: repeatElement([], count: Int(parent) - flags.count + 1))
                }
                parents[Int(child)] = parent
                if flags[Int(parent)].contains(.exists) { break }
                flags[Int(parent)].insert([.inZone, .exists])
                child = parent
            }
        }
    }

    static func isSubdomain(_ wire: [UInt8], of origin: [UInt8]) -> Bool {
        var offset = 0
        while wire.count - offset >= origin.count {
            if wire.count - offset == origin.count {
                // memcmp: the generic comparison of a slice with an array costs more than the rest of the walk.
                return wire.withUnsafeBytes { all in origin.withUnsafeBytes { memcmp(all.baseAddress! + offset, $0.baseAddress!, $0.count) == 0 } }
            }
            offset += Int(wire[offset]) + 1
        }
        return false
    }

    /// Stable counting sort by owner id, applied in place (the record array is the largest allocation).
    private static func groupByOwner(_ records: inout [ZoneRecord], nameCount: Int) -> [Int32] {
        var starts = [Int32](repeating: 0, count: nameCount + 1)
        for record in records { starts[Int(record.owner) + 1] += 1 }
        for index in 0..<nameCount { starts[index + 1] += starts[index] }
        var next = starts
        var destination = [Int32](unsafeUninitializedCapacity: records.count) { buffer, initialized in
            for (index, record) in records.enumerated() {
                buffer[index] = next[Int(record.owner)]
                next[Int(record.owner)] += 1
            }
            initialized = records.count
        }
        for index in 0..<records.count {
            while destination[index] != Int32(index) {
                let target = Int(destination[index])
                records.swapAt(index, target)
                destination.swapAt(index, target)
            }
        }
        return starts
    }

    /// Names a data audit looks at: in-zone owners, not at or below a delegation (except the apex), nor below
    /// a DNAME (occluded: a server answers them by synthesis).
    private static func auditedNames(flags: [NodeFlags], parents: [Int32], redirects: Bool, originID: Int32) -> [Int32] {
        var result: [Int32] = []
        for id in 0..<flags.count where flags[id].isSuperset(of: [.hasRecords, .inZone]) {
            if redirects, redirection(from: Int32(id), isTheName: true, flags: flags, parents: parents, originID: originID) != nil { continue }
            result.append(Int32(id))
        }
        return result
    }

    /// How a server answers a name whose closest existing node is `id` (the name itself when `isTheName`):
    /// going down from the apex, the first zone cut at or above the name gives a referral, the first DNAME
    /// strictly above it a synthesized CNAME (RFC 1034 4.3.2, RFC 6672 3.2); nil when neither is met.
    static func redirection(from id: Int32, isTheName: Bool, flags: [NodeFlags], parents: [Int32], originID: Int32) -> Redirection? {
        var highest: Redirection?
        var current = id
        while current >= 0 {
            let nodeFlags = flags[Int(current)]
            // The apex's NS records are the zone's own; a DNAME there redirects the names below it.
            if current != originID, nodeFlags.contains(.delegation) {
                highest = .referral(cut: current)
            } else if nodeFlags.contains(.dname), current != id || !isTheName {
                highest = .dname(owner: current)
            }
            if current == originID { break }
            current = parents[Int(current)]
        }
        return highest
    }

    // MARK: Access for rules

    /// Where a name's records sit in `records`: a range, not a slice (see `NameTable.wireLength`).
    func recordRange(of name: Int32) -> Range<Int> {
        guard Int(name) + 1 < nodeStarts.count else { return 0..<0 }
        return Int(nodeStarts[Int(name)])..<Int(nodeStarts[Int(name) + 1])
    }

    package func records(of name: Int32) -> ArraySlice<ZoneRecord> {
        guard Int(name) + 1 < nodeStarts.count else { return [] }
        return records[Int(nodeStarts[Int(name)])..<Int(nodeStarts[Int(name) + 1])]
    }

    package func location(of record: ZoneRecord) -> SourceLocation {
        var location = fileLocations[Int(record.file)]
        location.line = Int(record.line)
        return location
    }

    package var nameCount: Int { nodeStarts.count - 1 }

    package func rdataBytes(of record: ZoneRecord) -> ArraySlice<UInt8> {
        rdata[Int(record.rdataOffset)..<Int(record.rdataOffset) + Int(record.rdataLength)]
    }

    func rdata(of record: ZoneRecord) -> [UInt8] {
        Array(rdata[Int(record.rdataOffset)..<Int(record.rdataOffset) + Int(record.rdataLength)])
    }

    func parts(of record: ZoneRecord, owner: [UInt8]? = nil) -> RecordParts {
        RecordParts(owner: owner ?? Array(names.wire(record.owner)), type: record.type, rrClass: record.rrClass,
                    ttl: record.ttl, rdata: rdata(of: record))
    }

    package func name(_ id: Int32) -> DNSName { names.name(id) }

    package func wire(_ id: Int32) -> ArraySlice<UInt8> { names.wire(id) }

    package func isInZone(_ id: Int32) -> Bool { Int(id) < flags.count && flags[Int(id)].contains(.inZone) }

    /// The referral or DNAME that answers for an existing name instead of its own records.
    func redirection(of id: Int32) -> Redirection? {
        guard hasDelegations || hasDNAMEs, Int(id) < flags.count, flags[Int(id)].contains(.exists) else { return nil }
        return ZoneIndex.redirection(from: id, isTheName: true, flags: flags, parents: parents, originID: originID)
    }

    package func forEachOwner(withAtLeast minimum: Int, _ body: (Int32, ArraySlice<ZoneRecord>) -> Void) {
        let redirects = hasDelegations || hasDNAMEs
        let least = max(1, minimum)
        let starts = nodeStarts
        for id in 0..<Int32(nameCount) {
            guard Int(id) + 1 < starts.count, Int(starts[Int(id) + 1] - starts[Int(id)]) >= least else { continue }
            let all = records(of: id)
            let served = redirects ? servedRecords(of: id) : all
            if served.count >= least { body(id, served) }
        }
    }

    package func servedRecords(of owner: Int32) -> ArraySlice<ZoneRecord> {
        let all = records(of: owner)
        switch served(at: owner) {
        case .all: return all
        case .glue: return all.filter { $0.type == .a || $0.type == .aaaa }[...]
        case .none: return []
        }
    }

    package func forEachServedRecord(ofTypes types: [RRType], _ body: (ZoneRecord) -> Void) {
        let redirects = hasDelegations || hasDNAMEs
        // Compared as numbers: `contains` on the types went through the generic Equatable witness for every
        // record of the zone, in each of the rules that walk it.
        let wanted = types.map(\.rawValue)
        for record in records where wanted.contains(record.type.rawValue) {
            if redirects {
                switch served(at: record.owner) {
                case .all: break
                case .glue: guard record.type == .a || record.type == .aaaa else { continue }
                case .none: continue
                }
            }
            body(record)
        }
    }

    /// Which of an owner's records the zone serves.
    private enum Served { case all, glue, none }

    private func served(at owner: Int32) -> Served {
        switch redirection(of: owner) {
        case nil: return .all
        // At the cut itself the parent holds the NS and DS records; anything else there is judged as written
        // (a CNAME beside the NS records is an error a server refuses, not data to ignore).
        case .referral(let cut) where cut == owner: return .all
        // Below a cut only the addresses of name servers are served, as glue in referrals.
        case .referral: return flags[Int(owner)].contains(.nameServer) ? .glue : .none
        case .dname: return .none
        }
    }

    package func writtenOrigin(of record: ZoneRecord) -> DNSName {
        files[Int(record.file)].origin(atLine: Int(record.line)) ?? origin
    }

    /// Ids of every name that has records, in id order.
    var ownerIDs: [Int32] { (0..<flags.count).filter { flags[$0].contains(.hasRecords) }.map { Int32($0) } }

    package var recordCount: Int { records.count }
}
