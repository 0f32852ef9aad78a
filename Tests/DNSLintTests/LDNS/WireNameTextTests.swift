import LDNS
import Testing

/// Names are written into strings of their exact length: every kind of byte (plain, escaped with a backslash,
/// written as `\DDD`) must come out as ldns reads it back, through the short-name path and the long one.
@Suite struct WireNameTextTests {
    @Test(arguments: [".", "a.", "www.example.test.", "a\\.b.example.", "semi\\;colon.test.", "q\\\"uote.test.",
                      "at\\@sign\\$.test.", "paren\\(\\).test.", "back\\\\slash.test.", "nul\\000byte.test.",
                      "space\\032here.test.", "high\\255\\128.test.", "tab\\009.x.", String(repeating: "a", count: 63) + ".test."])
    func writtenAsLdnsReadsIt(text: String) throws {
        let wire = try #require(WireName.wire(fromText: text))
        let written = WireName.text(wire)
        #expect(written == text)
        // The string holds exactly the name: its UTF-8 length is the measured length.
        #expect(written.utf8.count == text.utf8.count)
        #expect(WireName.wire(fromText: written) == wire)
    }

    /// Every byte value, alone in a label and between plain bytes, against the presentation rules written out
    /// here: plain from 33 to 126 except `. ; ( ) \ " @ $`, those with a backslash, the rest as `\DDD`.
    @Test func everyByteIsWrittenByThePresentationRules() {
        for byte in 0...255 {
            let value = UInt8(byte)
            let special: Set<UInt8> = Set(". ; ( ) \\ \" @ $".utf8.filter { $0 != 32 })
            let expected: String
            if special.contains(value) {
                expected = "\\" + String(UnicodeScalar(value))
            } else if (33...126).contains(value) {
                expected = String(UnicodeScalar(value))
            } else {
                expected = "\\" + String(format3: byte)
            }
            #expect(WireName.text([1, value, 0]) == expected + ".", "byte \(byte)")
            #expect(WireName.text([3, 97, value, 98, 0]) == "a" + expected + "b.", "byte \(byte) inside a label")
        }
    }

    /// A wire name past 255 bytes (never a valid name, but the function takes any bytes) is written whole.
    @Test func longerThanANameIsWrittenWhole() {
        var wire: [UInt8] = []
        for _ in 0..<8 { wire += [63] + [UInt8](repeating: 0x7A, count: 62) + [0x2E] }
        wire.append(0)
        let expected = String(repeating: String(repeating: "z", count: 62) + "\\..", count: 8)
        #expect(WireName.text(wire) == expected)
    }
}

private extension String {
    init(format3 number: Int) {
        self = String(repeating: "0", count: 3 - String(number).count) + String(number)
    }
}
