@testable import DNSLintReporting
import Foundation
import Testing

/// The JSON writer's word-at-a-time scan must agree with a byte-by-byte one, whatever sits where in the word.
@Suite struct JSONEscapeTests {
    static func naive(_ bytes: [UInt8]) -> Bool { bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } }

    @Test func wordScanAgreesWithByteScan() {
        var generator = SystemRandomNumberGenerator()
        // Each special byte, and its neighbours, at every offset of strings 0 to 40 bytes long; high bytes
        // (UTF-8 continuation bytes) around them, which the word trick must not mistake for control characters.
        let probes: [UInt8] = [0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0x9F, 0xA2, 0xDC, 0xFF]
        for length in 0...40 {
            for offset in 0..<max(length, 1) {
                for probe in probes {
                    var bytes = (0..<length).map { _ in [UInt8(ascii: "a"), 0xC3, 0xA9, UInt8(ascii: "."), 0xFF][Int.random(in: 0..<5, using: &generator)] }
                    if length > 0 { bytes[offset] = probe }
                    let fast = bytes.withUnsafeBufferPointer { JSONValue.needsEscaping($0) }
                    #expect(fast == JSONEscapeTests.naive(bytes), "bytes \(bytes)")
                }
            }
        }
    }

    @Test func escapedTextRoundTrips() throws {
        let text = "h0.synth.test. \"quoted\" back\\slash\ttab\u{1}é and a long plain tail past eight bytes"
        let rendered = JSONValue.string(text).render()
        let decoded = try JSONDecoder().decode(String.self, from: Data(rendered.utf8))
        #expect(decoded == text)
        #expect(rendered.contains("\\u0001"))
    }
}
