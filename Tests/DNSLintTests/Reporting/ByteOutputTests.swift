@testable import DNSLintReporting
import Testing

/// The JSON writer's raw byte output must write exactly what the Array-based helpers write, across growth.
@Suite struct ByteOutputTests {
    @Test func integersMatchTheArrayWriter() {
        for value in [0, 7, -1, 10, -10, 99, 100, 1_234_567_890, Int.max, Int.min] {
            let output = ByteOutput(capacity: 16)
            output.appendInteger(value)
            var expected: [UInt8] = []
            JSONValue.appendInteger(value, to: &expected)
            #expect(output.bytes == expected, "\(value)")
            #expect(String(decoding: output.bytes, as: UTF8.self) == String(value))
        }
    }

    @Test func stringsAreEscapedAsTheArrayWriterEscapesThem() {
        for text in ["", "plain", "with \"quotes\"", "back\\slash", "tab\there", "line\nbreak", "\u{01}\u{1F}", "élan ✓",
                     String(repeating: "long text without escapes ", count: 20), String(repeating: "\"", count: 40)] {
            let output = ByteOutput(capacity: 16)
            output.appendEscaped(text)
            var expected: [UInt8] = []
            JSONValue.escape(text, into: &expected)
            #expect(output.bytes == expected, "\(text)")
        }
    }

    @Test func newlinesIndentLikeTheArrayWriterAtEveryDepth() {
        for depth in 0...40 {
            let output = ByteOutput(capacity: 16)
            output.appendNewline(depth: depth)
            var expected: [UInt8] = []
            JSONValue.newline(&expected, depth)
            #expect(output.bytes == expected, "depth \(depth)")
        }
    }

    /// Short and long pieces, single bytes and static strings, far past the first capacity: nothing lost,
    /// nothing repeated, and clearing keeps working storage.
    @Test func manyAppendsPastTheFirstCapacityKeepEveryByte() {
        let output = ByteOutput(capacity: 16)
        var expected: [UInt8] = []
        for round in 0..<500 {
            let piece = Array(String(repeating: "x\(round)", count: round % 23).utf8)
            output.append(piece)
            expected += piece
            output.append(UInt8(truncatingIfNeeded: round))
            expected.append(UInt8(truncatingIfNeeded: round))
            output.append("\": ")
            expected += Array("\": ".utf8)
        }
        #expect(output.count == expected.count)
        #expect(output.bytes == expected)
        output.removeAll()
        output.append("null")
        #expect(output.bytes == Array("null".utf8))
    }
}
