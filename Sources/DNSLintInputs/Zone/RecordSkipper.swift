/// Finds where a dropped record ends without keeping its bytes: the same quote, escape, comment and
/// parenthesis rules as `ZoneTokenizer.logicalRecord`, resumable across blocks.
struct RecordSkipper {
    private var depth = 0
    private var quoted = false
    private var comment = false
    private var escaped = false

    /// Returns where scanning stopped, the line breaks passed, and whether the record ended there.
    mutating func advance(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, lines: Int, done: Bool) {
        var lines = 0
        var index = start
        while index < input.count {
            let byte = input[index]
            index += 1
            if byte == 10 { lines += 1 }
            if escaped {
                escaped = false
                continue
            }
            if byte == 10 {
                quoted = false
                comment = false
                if depth == 0 { return (index, lines, true) }
                continue
            }
            if comment { continue }
            if quoted {
                if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { quoted = false }
                continue
            }
            switch byte {
            case UInt8(ascii: ";"), 0: comment = true
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"): depth = max(0, depth - 1)
            case UInt8(ascii: "\""): quoted = true
            case UInt8(ascii: "\\"): escaped = true
            default: break
            }
        }
        return (index, lines, false)
    }
}
