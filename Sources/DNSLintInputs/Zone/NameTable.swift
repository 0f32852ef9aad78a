import DNSLintModel
import LDNS

/// Interned domain names in lower-case wire form: one byte arena, an open-addressing hash table.
/// Ids are dense (0, 1, 2...) so per-name data lives in plain arrays indexed by id.
struct NameTable: Sendable {
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [UInt32] = []
    private var hashes: [UInt32] = []
    private var slots: [Int32] = Array(repeating: -1, count: 1024)

    var count: Int { starts.count }

    mutating func reserve(forFileSize size: Int) {
        bytes.reserveCapacity(size / 2)
        starts.reserveCapacity(size / 24)
        hashes.reserveCapacity(size / 24)
    }

    /// Interns a name that is already lower case.
    mutating func intern(_ wire: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = NameTable.hash(wire)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if hashes[Int(id)] == hash, equals(Int(id), wire) { return id }
            slot = (slot + 1) & mask
        }
        let id = Int32(starts.count)
        starts.append(UInt32(bytes.count))
        hashes.append(hash)
        bytes.append(contentsOf: wire)
        slots[slot] = id
        if starts.count * 2 > slots.count { grow() }
        return id
    }

    mutating func intern(_ wire: [UInt8]) -> Int32 {
        wire.withUnsafeBufferPointer { intern($0) }
    }

    func find(_ wire: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = NameTable.hash(wire)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if hashes[Int(id)] == hash, equals(Int(id), wire) { return id }
            slot = (slot + 1) & mask
        }
    }

    func find(_ wire: [UInt8]) -> Int32? { wire.withUnsafeBufferPointer { find($0) } }

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
        var bigger = [Int32](repeating: -1, count: slots.count * 2)
        let mask = bigger.count - 1
        for id in 0..<starts.count {
            var slot = Int(hashes[id]) & mask
            while bigger[slot] >= 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(id)
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
