import DNSLintModel
import LDNS

/// Interned domain names in lower-case wire form: one byte arena, an open-addressing hash table.
/// Ids are dense (0, 1, 2...) so per-name data lives in plain arrays indexed by id.
struct NameTable: Sendable {
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [UInt32] = []
    /// A slot holds a name's hash in its high half and its id + 1 in its low half (0: empty). A probe that
    /// meets another name's hash moves on without reading that name, and growing rehashes from the slots
    /// alone: on a million names the table is far larger than the caches, and each array read is a miss.
    private var slots = [UInt64](repeating: 0, count: 1024)

    var count: Int { starts.count }

    mutating func reserve(forFileSize size: Int) {
        bytes.reserveCapacity(size / 2)
        starts.reserveCapacity(size / 24)
    }

    /// Interns a name that is already lower case.
    mutating func intern(_ wire: UnsafeBufferPointer<UInt8>) -> Int32 {
        intern(wire, hash: NameTable.hash(wire))
    }

    /// Interns a lower-case name whose `hash(_:)` the caller computed (the parse workers do, off the merging thread).
    mutating func intern(_ wire: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int32 {
        let (slot, found) = probe(wire, hash: hash)
        if let found { return found }
        let id = Int32(starts.count)
        starts.append(UInt32(bytes.count))
        bytes.append(contentsOf: wire)
        slots[slot] = UInt64(hash) << 32 | UInt64(UInt32(id) + 1)
        if starts.count * 2 > slots.count { grow() }
        return id
    }

    /// Starts loading the slot a name of this hash probes first, for a batch that interns many names: the
    /// caller asks a few names ahead of the one it interns.
    func prefetch(hash: UInt32) {
        slots.withUnsafeBufferPointer { slots in
            CacheLines.prefetchForWrite(slots.baseAddress! + (Int(hash) & (slots.count - 1)))
        }
    }

    mutating func intern(_ wire: [UInt8]) -> Int32 {
        wire.withUnsafeBufferPointer { intern($0) }
    }

    func find(_ wire: UnsafeBufferPointer<UInt8>) -> Int32? {
        probe(wire, hash: NameTable.hash(wire)).found
    }

    func find(_ wire: [UInt8]) -> Int32? { wire.withUnsafeBufferPointer { find($0) } }

    /// The name's id if it is interned, else the empty slot where it goes.
    private func probe(_ wire: UnsafeBufferPointer<UInt8>, hash: UInt32) -> (slot: Int, found: Int32?) {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Int(hash) & mask
            while true {
                let entry = slots[slot]
                if entry == 0 { return (slot, nil) }
                if UInt32(truncatingIfNeeded: entry >> 32) == hash {
                    let id = Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                    if equals(Int(id), wire) { return (slot, id) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Where a name's wire form sits in `bytes`.
    private func span(_ id: Int) -> Range<Int> {
        Int(starts[id])..<(id + 1 < starts.count ? Int(starts[id + 1]) : bytes.count)
    }

    func wire(_ id: Int32) -> ArraySlice<UInt8> { bytes[span(Int(id))] }

    /// The length of a name's wire form, read from the offsets alone: `wire(_:).count` makes a slice, which
    /// retains and releases the byte array on every answer's every record.
    func wireLength(_ id: Int32) -> Int { span(Int(id)).count }

    func name(_ id: Int32) -> DNSName { DNSName(normalized: WireName.text(wire(id))) }

    private func equals(_ id: Int, _ wire: UnsafeBufferPointer<UInt8>) -> Bool {
        let span = span(id)
        guard span.count == wire.count else { return false }
        return bytes.withUnsafeBufferPointer { all in
            memcmp(all.baseAddress! + span.lowerBound, wire.baseAddress!, wire.count) == 0
        }
    }

    private mutating func grow() {
        var bigger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        bigger.withUnsafeMutableBufferPointer { bigger in
            for entry in slots where entry != 0 {
                var slot = Int(truncatingIfNeeded: entry >> 32) & mask
                while bigger[slot] != 0 { slot = (slot + 1) & mask }
                bigger[slot] = entry
            }
        }
        slots = bigger
    }

    /// FNV-1a; names are short and this runs once per record.
    static func hash(_ wire: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in wire { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }
}

import Foundation
