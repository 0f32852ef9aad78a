import DNSLintModel
import LDNS

/// What the ldns workers hand back for a run of records: flat arrays, no per-record allocation.
struct ParsedRecords: Sendable {
    var names: [UInt8] = []
    var ownerEnds: [Int32] = []
    var targetEnds: [Int32] = []
    /// `NameTable.hash` of each owner and target (0 without a target), computed by the worker.
    var ownerHashes: [UInt32] = []
    var targetHashes: [UInt32] = []
    var rdata: [UInt8] = []
    /// The records whole but for what only the merge knows: owner and target ids (-1 here), the file, and
    /// where their data lands in the zone's (`rdataOffset` counts from this run's `rdata`).
    var records: [ZoneRecord] = []
    var errors: [(line: Int32, message: String)] = []

    /// Empties it for the next run, keeping its buffers.
    mutating func removeAll() {
        names.removeAll(keepingCapacity: true)
        ownerEnds.removeAll(keepingCapacity: true)
        targetEnds.removeAll(keepingCapacity: true)
        ownerHashes.removeAll(keepingCapacity: true)
        targetHashes.removeAll(keepingCapacity: true)
        rdata.removeAll(keepingCapacity: true)
        records.removeAll(keepingCapacity: true)
        errors.removeAll()
    }
}

/// Collects records from parsed runs, interning names, until the zone index is built.
struct ZoneBuilder {
    var names = NameTable()
    var records: [ZoneRecord] = []
    var rdata: [UInt8] = []
    var files: [ZoneFile] = []
    /// Record data is addressed with 32-bit offsets; past this the builder takes no more records.
    var maxRdataBytes = Int(UInt32.max)
    /// How many records ahead `merge` asks for the name table's slots: enough to cover a miss to memory.
    static let prefetchDistance = 12
    /// The ids `merge` fills a run's records with, kept from run to run.
    private var nameIDs: (owners: [Int32], targets: [Int32]) = ([], [])

    /// Sizes the arrays for a zone file of `bytes` (records average 25+ bytes of text).
    mutating func reserve(forFileSize bytes: Int) {
        guard bytes > 1 << 20 else { return }
        records.reserveCapacity(bytes / 24)
        rdata.reserveCapacity(bytes / 2)
        names.reserve(forFileSize: bytes)
    }

    /// Adds the records of a parsed run; false (and nothing added) when their data would pass `maxRdataBytes`.
    mutating func merge(_ parsed: ParsedRecords, file: UInt16) -> Bool {
        guard rdata.count + parsed.rdata.count <= maxRdataBytes else { return false }
        // reserveCapacity grows to exactly what it is asked: doubling keeps a zone that outgrew the estimate
        // from copying all its records at every run.
        let count = parsed.records.count
        if records.capacity < records.count + count {
            records.reserveCapacity(max(records.count + count, records.capacity * 2))
        }
        // The workers built the records; this thread interns their names (one table, so one thread) and
        // fills in what depends on the zone so far.
        let first = records.count
        let rdataBase = UInt32(rdata.count)
        records.append(contentsOf: parsed.records)
        internNames(of: parsed)
        let ids = nameIDs
        records.withUnsafeMutableBufferPointer { all in
            for index in 0..<count {
                all[first + index].owner = ids.owners[index]
                all[first + index].target = ids.targets[index]
                all[first + index].rdataOffset &+= rdataBase
                all[first + index].file = file
            }
        }
        rdata.append(contentsOf: parsed.rdata)
        return true
    }
}

extension ZoneBuilder {
    /// Sets `nameIDs` to each record's owner and target id (-1 without a target), interning names not seen before.
    private mutating func internNames(of parsed: ParsedRecords) {
        nameIDs.owners.removeAll(keepingCapacity: true)
        nameIDs.targets.removeAll(keepingCapacity: true)
        let count = parsed.records.count
        parsed.names.withUnsafeBufferPointer { nameBytes in
            var nameStart = 0
            // Records of one owner usually follow each other: the next is checked against the last owner
            // here, in cache, before the table is probed.
            var lastOwner: (id: Int32, hash: UInt32, bytes: Range<Int>)?
            for index in 0..<count {
                if index + ZoneBuilder.prefetchDistance < count {
                    names.prefetch(hash: parsed.ownerHashes[index + ZoneBuilder.prefetchDistance])
                    let targetHash = parsed.targetHashes[index + ZoneBuilder.prefetchDistance]
                    if targetHash != 0 { names.prefetch(hash: targetHash) }
                }
                let ownerEnd = Int(parsed.ownerEnds[index])
                let targetEnd = Int(parsed.targetEnds[index])
                let ownerBytes = nameBytes.extracting(nameStart..<ownerEnd)
                let ownerHash = parsed.ownerHashes[index]
                if let last = lastOwner, last.hash == ownerHash, nameBytes[last.bytes].elementsEqual(ownerBytes) {
                    nameIDs.owners.append(last.id)
                } else {
                    let owner = names.intern(ownerBytes, hash: ownerHash)
                    lastOwner = (owner, ownerHash, nameStart..<ownerEnd)
                    nameIDs.owners.append(owner)
                }
                nameIDs.targets.append(targetEnd > ownerEnd
                    ? names.intern(nameBytes.extracting(ownerEnd..<targetEnd), hash: parsed.targetHashes[index]) : -1)
                nameStart = targetEnd
            }
        }
    }
}

/// Parses normalised record lines with ldns, one `RecordParser` per worker.
enum RecordBatchParser {
    /// Parses `range` of the batch into `out`, a spare run emptied here.
    static func parse(_ batch: RecordBatch, contexts: [ZoneParseContext], range: Range<Int>,
                      into out: consuming ParsedRecords = ParsedRecords()) -> ParsedRecords {
        var out = out
        out.removeAll()
        out.records.reserveCapacity(range.count)
        let parser = RecordParser()
        var currentContext = -1
        var originOK = true
        batch.text.withUnsafeBufferPointer { text in
            for index in range {
                let contextIndex = Int(batch.contexts[index])
                let context = contexts[contextIndex]
                if contextIndex != currentContext {
                    originOK = parser.setOrigin(context.origin)
                    currentContext = contextIndex
                }
                let line = batch.lines[index]
                guard originOK else {
                    out.errors.append((line, "the origin \(context.origin) is not a valid domain name"))
                    continue
                }
                let start = text.baseAddress! + Int(batch.starts[index])
                if let problem = GenericRdataCheck.problem(in: start) {
                    out.errors.append((line, "Record \"\(Excerpt.text(String(cString: start)))\" does not parse: \(problem)."))
                    continue
                }
                var oversized: Int?
                let failure = parser.parse(start, defaultTTL: context.defaultTTL) { record in
                    // RDLENGTH is 16 bits (RFC 1035 3.2.1); ldns builds longer data from text (a TXT of many strings).
                    guard record.rdata.count <= Int(UInt16.max) else {
                        oversized = record.rdata.count
                        return
                    }
                    let ownerStart = out.names.count
                    WireName.appendLowercased(record.owner, to: &out.names)
                    out.ownerEnds.append(Int32(out.names.count))
                    if let target = record.target { WireName.appendLowercased(target, to: &out.names) }
                    out.targetEnds.append(Int32(out.names.count))
                    out.names.withUnsafeBufferPointer { names in
                        let ownerEnd = Int(out.ownerEnds[out.ownerEnds.count - 1])
                        out.ownerHashes.append(NameTable.hash(names.extracting(ownerStart..<ownerEnd)))
                        out.targetHashes.append(names.count > ownerEnd ? NameTable.hash(names.extracting(ownerEnd...)) : 0)
                    }
                    out.records.append(ZoneRecord(
                        owner: -1, target: -1, rdataOffset: UInt32(out.rdata.count), ttl: record.ttl, line: UInt32(line),
                        type: record.type, rdataLength: UInt16(record.rdata.count), file: 0, rrClass: record.rrClass))
                    out.rdata.append(contentsOf: record.rdata)
                }
                if let failure {
                    out.errors.append((line, describe(failure, record: String(cString: start))))
                } else if let oversized {
                    out.errors.append((line, "Record \"\(Excerpt.text(String(cString: start)))\" does not parse: its data is \(oversized) bytes, more than the 65535 a record can hold."))
                }
            }
        }
        return out
    }

    private static func describe(_ error: LDNSError, record: String) -> String {
        let shown = Excerpt.text(record)
        var reason = error.message
        if let first = reason.first { reason = first.lowercased() + reason.dropFirst() }
        return "Record \"\(shown)\" does not parse: \(reason)."
    }
}
