/// Domain-name helpers over uncompressed wire format (length-prefixed labels, ending in 0).
/// Names are compared and interned in lower case; presentation text escapes like ldns does.
package enum WireName {
    /// ASCII lower-casing of every label byte; the length octets are < 64 so they are never touched.
    @inlinable
    package static func lowercased(_ wire: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        appendLowercased(wire, to: &out)
    }

    /// Appends `wire` lower-cased to `out`: one copy, then lower-casing of the appended bytes in place (a loop
    /// the compiler vectorises), not an append per byte.
    @inlinable
    package static func appendLowercased(_ wire: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: wire)
        out.withUnsafeMutableBufferPointer { bytes in
            for index in start..<bytes.count { bytes[index] = lowercaseASCII(bytes[index]) }
        }
    }

    /// The offset of the parent name inside `wire`, or nil at the root.
    package static func parentOffset(_ wire: ArraySlice<UInt8>, from offset: Int) -> Int? {
        let start = wire.startIndex + offset
        guard start < wire.endIndex, wire[start] != 0 else { return nil }
        return offset + Int(wire[start]) + 1
    }

    /// Number of labels, not counting the root.
    package static func labelCount<C: Collection>(_ wire: C) -> Int where C.Element == UInt8, C.Index == Int {
        var count = 0
        var index = wire.startIndex
        while index < wire.endIndex, wire[index] != 0 {
            count += 1
            index += Int(wire[index]) + 1
        }
        return count
    }

    /// Whether two names in wire form are the same name: ASCII letters compare without case (RFC 4343),
    /// every other byte exactly.
    package static func equalIgnoringCase(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard left.count == right.count else { return false }
        for index in left.indices where left[index] != right[index] {
            if lowercaseASCII(left[index]) != lowercaseASCII(right[index]) { return false }
        }
        return true
    }

    /// `byte` with an ASCII capital made lower case; every other byte as it is.
    @inlinable
    package static func lowercaseASCII(_ byte: UInt8) -> UInt8 { byte &- 65 < 26 ? byte | 0x20 : byte }

    /// Presentation form with a trailing dot (`www.example.com.`); the root is `.`.
    package static func text(_ wire: ArraySlice<UInt8>) -> String {
        wire.withUnsafeBufferPointer { text($0) }
    }

    package static func text(_ wire: [UInt8]) -> String {
        wire.withUnsafeBufferPointer { text($0) }
    }

    package static func text(_ wire: UnsafeBufferPointer<UInt8>) -> String {
        // A name of at most 255 bytes is written once into a stack buffer (four bytes per byte at worst) and
        // copied into a string of the exact size; measuring first and then writing walked every byte twice.
        // Strings keep their capacity, and names live as long as the findings that name them.
        guard wire.count <= 255 else {
            return String(unsafeUninitializedCapacity: presentation(wire, into: nil)) { presentation(wire, into: $0) }
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1024) { buffer in
            let count = presentation(wire, into: buffer)
            return String(unsafeUninitializedCapacity: count) { out in
                out.baseAddress!.update(from: buffer.baseAddress!, count: count)
                return count
            }
        }
    }

    /// Writes the presentation form of `wire` into `out` and returns its length; with `out` nil it only
    /// measures. A byte is written as one (`a`), two (`\.`) or four (`\DDD`) bytes, each label ends with a
    /// dot, and the root is one dot.
    @inline(__always)
    private static func presentation(_ wire: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>?) -> Int {
        var count = 0
        var index = wire.startIndex
        while index < wire.endIndex {
            let length = Int(wire[index])
            if length == 0 { break }
            index += 1
            let end = min(index + length, wire.endIndex)
            while index < end {
                escape(wire[index], into: out, at: &count)
                index += 1
            }
            out?[count] = UInt8(ascii: ".")
            count += 1
        }
        if count == 0 {
            out?[0] = UInt8(ascii: ".")
            count = 1
        }
        return count
    }

    @inline(__always)
    private static func escape(_ byte: UInt8, into out: UnsafeMutableBufferPointer<UInt8>?, at count: inout Int) {
        if isPlain(byte) {
            out?[count] = byte
            count += 1
            return
        }
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "@"), UInt8(ascii: "$"):
            if let out {
                out[count] = UInt8(ascii: "\\")
                out[count + 1] = byte
            }
            count += 2
        case 33...126:
            out?[count] = byte
            count += 1
        default:
            if let out {
                out[count] = UInt8(ascii: "\\")
                out[count + 1] = 48 + byte / 100
                out[count + 2] = 48 + byte / 10 % 10
                out[count + 3] = 48 + byte % 10
            }
            count += 4
        }
    }

    /// Whether `byte` is written as itself: one test of a 128-bit mask instead of the switch in `escape`.
    @inline(__always)
    private static func isPlain(_ byte: UInt8) -> Bool {
        byte < 128 && (byte < 64 ? plainBelow64 >> byte : plainFrom64 >> (byte - 64)) & 1 == 1
    }

    /// Bytes written as themselves, as bits: 33...126 less `. ; ( ) \ " @ $` (a test writes every byte).
    private static let plainBelow64: UInt64 = 0xf7ff_bcea_0000_0000
    private static let plainFrom64: UInt64 = 0x7fff_ffff_efff_fffe

    /// Wire form of a presentation name that is already absolute; nil when ldns rejects it.
    package static func wire(fromText text: String) -> [UInt8]? {
        guard let rdf = text.withCString({ ldns_dname_new_frm_str($0) }) else { return nil }
        defer { ldns_rdf_deep_free(rdf) }
        let size = ldns_rdf_size(rdf)
        guard let data = ldns_rdf_data(rdf) else { return nil }
        var out: [UInt8] = []
        WireName.lowercased(UnsafeBufferPointer(start: data, count: size), into: &out)
        return out
    }
}

import CLdns
