/// Finds TSIG records outside the one place RFC 8945 §5.1 allows (the last additional record).
/// ldns 1.8.3's `ldns_wire2pkt` keeps only the last TSIG it meets and leaks the others, so a hostile
/// server could make the live prober leak on every answer; such messages are malformed anyway.
enum TSIGPlacement {
    private static let tsig: UInt16 = 250

    /// True when a TSIG appears in any section other than as the last additional record.
    /// A message whose records cannot be walked is left to ldns, which reports it.
    static func isMisplaced(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count >= 12 else { return false }
        func count(at offset: Int) -> Int { Int(bytes[offset]) << 8 | Int(bytes[offset + 1]) }
        let questions = count(at: 4)
        let records = count(at: 6) + count(at: 8) + count(at: 10)
        var position = 12
        for _ in 0..<questions {
            guard let end = skipName(bytes, from: position), end + 4 <= bytes.count else { return false }
            position = end + 4
        }
        for index in 0..<records {
            guard let end = skipName(bytes, from: position), end + 10 <= bytes.count else { return false }
            let type = UInt16(bytes[end]) << 8 | UInt16(bytes[end + 1])
            if type == tsig, index != records - 1 { return true }
            position = end + 10 + count(at: end + 8)
            guard position <= bytes.count else { return false }
        }
        return false
    }

    /// The offset just past a (possibly compressed) name; nil when it runs off the end.
    private static func skipName(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        var position = start
        while position < bytes.count {
            let length = Int(bytes[position])
            if length == 0 { return position + 1 }
            if length & 0xC0 == 0xC0 { return position + 2 <= bytes.count ? position + 2 : nil }
            position += 1 + length
        }
        return nil
    }
}
