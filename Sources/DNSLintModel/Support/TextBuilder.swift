/// Builds a message from pieces as UTF-8 bytes, then makes one String. String interpolation costs a few
/// hundred instructions a segment; the messages of a million-record zone's findings have millions of them.
package struct TextBuilder {
    private var bytes: [UInt8] = []

    package init(capacity: Int = 96) { bytes.reserveCapacity(capacity) }

    package mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    package mutating func add(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Decimal digits, as `String(number)` writes them (concrete types: a generic one is not specialized
    /// across modules and costs thousands of instructions a call).
    package mutating func add(_ number: Int) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        add(magnitude: UInt64(number.magnitude))
    }

    package mutating func add(_ number: UInt32) { add(magnitude: UInt64(number)) }

    private mutating func add(magnitude: UInt64) {
        // Digits fill a stack buffer from its end and go in with one append.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count
            var rest = magnitude
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            bytes.append(contentsOf: buffer[start...])
        }
    }

    /// `name.relative(to: origin)` without making it a String first.
    package mutating func add(_ name: DNSName, relativeTo origin: DNSName?) {
        switch name.relativeForm(to: origin) {
        case .whole: add(name.text)
        case .apex: bytes.append(UInt8(ascii: "@"))
        case .prefix(let length):
            var text = name.text
            text.withUTF8 { bytes.append(contentsOf: $0[..<length]) }
        }
    }

    package var text: String { String(decoding: bytes, as: UTF8.self) }
}
