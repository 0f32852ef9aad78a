import DNSLintModel
/// A JSON document with keys kept in insertion order, so reports are byte-for-byte stable.
package indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// Written with three decimals (seconds to the millisecond).
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.render() == rhs.render() }

    package func render(pretty: Bool = true) -> String {
        var out: [UInt8] = []
        write(into: &out, indent: pretty ? 0 : nil)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the JSON text as UTF-8; `indent` nil means compact, else the current nesting depth.
    func write(into out: inout [UInt8], indent: Int?) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let value): out += Array((value ? "true" : "false").utf8)
        case .int(let value): JSONValue.appendInteger(value, to: &out)
        case .number(let value): out += Array((value.isFinite ? String(format: "%.3f", value) : "null").utf8)
        case .string(let value): JSONValue.escape(value, into: &out)
        case .array(let items):
            if items.isEmpty { out += [UInt8(ascii: "["), UInt8(ascii: "]")]; return }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.newline(&out, indent.map { $0 + 1 })
                item.write(into: &out, indent: indent.map { $0 + 1 })
            }
            JSONValue.newline(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out += [UInt8(ascii: "{"), UInt8(ascii: "}")]; return }
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.newline(&out, indent.map { $0 + 1 })
                JSONValue.escape(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                value.write(into: &out, indent: indent.map { $0 + 1 })
            }
            JSONValue.newline(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    static func newline(_ out: inout [UInt8], _ indent: Int?) {
        guard let indent else { return }
        withNewline(depth: indent) { out.append(contentsOf: $0) }
    }

    /// Hands `body` a newline and the indentation of `depth` (two spaces a level): for nearly every depth a
    /// slice of one static string, with no lazy global to check and no array to retain on every line written.
    @inline(__always)
    static func withNewline(depth: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let count = 1 + depth * 2
        guard count <= newlineAndSpaces.utf8CodeUnitCount else {
            return ([10] + repeatElement(UInt8(ascii: " "), count: depth * 2)).withUnsafeBufferPointer(body)
        }
        body(UnsafeBufferPointer(start: newlineAndSpaces.utf8Start, count: count))
    }

    /// A newline and 64 spaces: the indentation of every line up to depth 32.
    private static let newlineAndSpaces: StaticString = "\n                                                                "

    /// Decimal digits without building a String.
    static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        withDecimal(value) { out.append(contentsOf: $0) }
    }

    /// Hands `body` the decimal text of `value` (a sign, then digits), written on the stack.
    @inline(__always)
    static func withDecimal(_ value: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { text in
            var start = 20
            repeat {
                start -= 1
                text[start] = UInt8(48 + magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                start -= 1
                text[start] = UInt8(ascii: "-")
            }
            body(UnsafeBufferPointer(rebasing: text[start...]))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Whether any byte is a control character, a quote or a backslash; eight bytes a step (the classic
    /// "has a byte less than n" and "has a zero byte" word tricks), since every string of a report passes here.
    static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasByteBelow(_ word: UInt64, _ bound: UInt64) -> Bool { (word &- ones &* bound) & ~word & highs != 0 }
        func hasByte(_ word: UInt64, _ byte: UInt64) -> Bool { hasByteBelow(word ^ (ones &* byte), 1) }
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if hasByteBelow(word, 0x20) || hasByte(word, 0x22) || hasByte(word, 0x5C) { return true }
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            index += 1
        }
        return false
    }

    static func escape(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings need no escaping: scan the UTF-8 in place (small strings too) and copy it whole.
        var text = text
        let plain = text.withUTF8 { bytes -> Bool in
            guard !JSONValue.needsEscaping(bytes) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if plain {
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 10: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 13: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 9: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                out += [UInt8(ascii: "\\"), UInt8(ascii: "u"), 48, 48, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 15)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

extension ArgumentValue {
    var json: JSONValue {
        switch self {
        case .int(let value): .int(value)
        case .string(let value): .string(value)
        case .bool(let value): .bool(value)
        case .strings(let values): .array(values.map(JSONValue.string))
        case .ints(let values): .array(values.map(JSONValue.int))
        case .number(let value): .number(value)
        }
    }
}
