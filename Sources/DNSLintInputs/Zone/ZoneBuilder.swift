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
    var rdataEnds: [Int32] = []
    var types: [UInt16] = []
    var classes: [UInt16] = []
    var ttls: [UInt32] = []
    var lines: [Int32] = []
    var errors: [(line: Int32, message: String)] = []

    /// Empties it for the next run, keeping its buffers.
    mutating func removeAll() {
        names.removeAll(keepingCapacity: true)
        ownerEnds.removeAll(keepingCapacity: true)
        targetEnds.removeAll(keepingCapacity: true)
        ownerHashes.removeAll(keepingCapacity: true)
        targetHashes.removeAll(keepingCapacity: true)
        rdata.removeAll(keepingCapacity: true)
        rdataEnds.removeAll(keepingCapacity: true)
        types.removeAll(keepingCapacity: true)
        classes.removeAll(keepingCapacity: true)
        ttls.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
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
        if records.capacity < records.count + parsed.types.count {
            records.reserveCapacity(max(records.count + parsed.types.count, records.capacity * 2))
        }
        parsed.names.withUnsafeBufferPointer { nameBytes in
            var nameStart = 0
            var rdataStart = 0
            // Records of one owner usually follow each other: the next is checked against the last owner
            // here, in cache, before the table is probed.
            var lastOwner: (id: Int32, hash: UInt32, bytes: Range<Int>)?
            let count = parsed.types.count
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
                let owner: Int32
                if let last = lastOwner, last.hash == ownerHash,
                   nameBytes[last.bytes].elementsEqual(ownerBytes) {
                    owner = last.id
                } else {
                    owner = names.intern(ownerBytes, hash: ownerHash)
                    lastOwner = (owner, ownerHash, nameStart..<ownerEnd)
                }
                let target = targetEnd > ownerEnd
                    ? names.intern(nameBytes.extracting(ownerEnd..<targetEnd), hash: parsed.targetHashes[index]) : -1
                nameStart = targetEnd
                let rdataEnd = Int(parsed.rdataEnds[index])
                records.append(ZoneRecord(
                    owner: owner, target: target, rdataOffset: UInt32(rdata.count + rdataStart),
                    ttl: parsed.ttls[index], line: UInt32(parsed.lines[index]), type: RRType(parsed.types[index]),
                    rdataLength: UInt16(rdataEnd - rdataStart), file: file, rrClass: parsed.classes[index]
                ))
                rdataStart = rdataEnd
            }
        }
        rdata.append(contentsOf: parsed.rdata)
        return true
    }
}

/// Parses normalised record lines with ldns, one `RecordParser` per worker.
enum RecordBatchParser {
    /// Parses `range` of the batch into `out`, a spare run emptied here.
    static func parse(_ batch: RecordBatch, contexts: [ZoneParseContext], range: Range<Int>,
                      into out: consuming ParsedRecords = ParsedRecords()) -> ParsedRecords {
        var out = out
        out.removeAll()
        out.types.reserveCapacity(range.count)
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
                    out.rdata.append(contentsOf: record.rdata)
                    out.rdataEnds.append(Int32(out.rdata.count))
                    out.types.append(record.type.rawValue)
                    out.classes.append(record.rrClass)
                    out.ttls.append(record.ttl)
                    out.lines.append(line)
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
