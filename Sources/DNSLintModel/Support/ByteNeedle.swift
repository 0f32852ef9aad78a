#if canImport(Glibc)
import Glibc
#endif

/// A short byte string searched for in whole blocks of a file (`$include`, `dnslint:`), so that files
/// without it are never split into lines. ASCII letters may match in either case.
package struct ByteNeedle: Sendable {
    /// Lower case when `ignoringCase`.
    let bytes: [UInt8]
    let ignoringCase: Bool

    package init(_ text: String, ignoringCase: Bool = false) {
        self.ignoringCase = ignoringCase
        bytes = text.utf8.map { ignoringCase ? Self.lower($0) : $0 }
        precondition(!bytes.isEmpty, "an empty needle matches everywhere")
    }

    package var count: Int { bytes.count }

    /// The offset of the first match lying wholly in `buffer[from...]`, or nil.
    package func firstMatch(in buffer: UnsafeRawBufferPointer, from start: Int = 0) -> Int? {
        guard let base = buffer.baseAddress else { return nil }
        let last = buffer.count - bytes.count
        var offset = start
        // A first byte that is not a letter (`$`, and `d` when case counts) is found with memchr.
        let first = bytes[0]
        let scans = !ignoringCase || Self.lower(first) == Self.upper(first)
        while offset <= last {
            if scans {
                guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return nil }
                offset = base.distance(to: UnsafeRawPointer(hit))
            }
            if matches(at: offset, in: buffer) { return offset }
            offset += 1
        }
        return nil
    }

    /// Whether the bytes hold a match anywhere.
    package func isFound(in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { firstMatch(in: $0) != nil }
    }

    private func matches(at offset: Int, in buffer: UnsafeRawBufferPointer) -> Bool {
        for index in bytes.indices {
            let byte = buffer[offset + index]
            guard (ignoringCase ? Self.lower(byte) : byte) == bytes[index] else { return false }
        }
        return true
    }

    private static func lower(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }
    private static func upper(_ byte: UInt8) -> UInt8 { (97...122).contains(byte) ? byte - 32 : byte }
}
