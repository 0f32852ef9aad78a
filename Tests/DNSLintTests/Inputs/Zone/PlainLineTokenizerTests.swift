@testable import DNSLintInputs
import Testing

/// The tokenizer writes plain one-line records straight into the batch (`plainLineRecord`). Whatever the text
/// and wherever the blocks end, it must write exactly what the general path (`logicalRecord` + `emit`) writes.
@Suite struct PlainLineTokenizerTests {
    /// Everything the tokenizer hands on, compared whole.
    struct Tokenized: Equatable, CustomStringConvertible {
        var text: [CChar] = []
        var starts: [Int32] = []
        var lines: [Int32] = []
        var contexts: [String] = []
        var issues: [String] = []
        var includes: [String] = []
        var endLine = 0

        var description: String {
            let records = starts.indices.map { index -> String in
                let start = Int(starts[index])
                let end = text[start...].firstIndex(of: 0) ?? text.count
                return "\(lines[index]) [\(contexts[index])] " + String(decoding: text[start..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            return (records + issues + includes + ["end at line \(endLine)"]).joined(separator: "\n")
        }
    }

    /// Tokenizes `text` in blocks of `blockSize` bytes the way `ZoneReader` feeds them: unconsumed bytes are
    /// carried into the next block, and the last scan is final.
    static func tokenize(_ text: String, blockSize: Int, plainLines: Bool, maxLineBytes: Int = 60) -> Tokenized {
        var tokenizer = ZoneTokenizer(origin: "example.com.", defaultTTL: nil, maxLineBytes: maxLineBytes)
        tokenizer.readsPlainLinesDirectly = plainLines
        var batch = RecordBatch()
        let bytes = Array(text.utf8)
        var pending: [UInt8] = []
        var offset = 0
        var atEnd = false
        while !atEnd {
            let block = bytes[offset..<min(bytes.count, offset + blockSize)]
            offset += block.count
            atEnd = block.isEmpty
            pending += block
            let consumed = pending.withUnsafeBufferPointer { tokenizer.scan($0, final: atEnd, into: &batch) }
            pending.removeFirst(consumed)
        }
        var result = Tokenized(text: batch.text, starts: batch.starts, lines: batch.lines, endLine: tokenizer.line)
        result.contexts = batch.contexts.map { "\(tokenizer.contexts[Int($0)].origin) \(tokenizer.contexts[Int($0)].defaultTTL)" }
        result.issues = tokenizer.issues.map { "\($0.line): \($0.message)" } + ["dropped \(tokenizer.droppedIssues)"]
        result.includes = tokenizer.includes.map { "\($0.line): \($0.path) \($0.origin)" }
        return result
    }

    static func assertSameBothWays(_ text: String, blockSizes: [Int], sourceLocation: SourceLocation = #_sourceLocation) {
        let general = tokenize(text, blockSize: 1 << 20, plainLines: false)
        for size in blockSizes {
            let direct = tokenize(text, blockSize: size, plainLines: true)
            #expect(direct == general, "blocks of \(size) bytes:\n\(direct)\n-- the general path wrote --\n\(general)",
                    sourceLocation: sourceLocation)
            let generalInBlocks = tokenize(text, blockSize: size, plainLines: false)
            #expect(generalInBlocks == general, "the general path itself in blocks of \(size)", sourceLocation: sourceLocation)
        }
    }

    static let handWritten = """
        $TTL 3600
        @\tIN\tSOA ns1 hostmaster ( 1 2 3 4 5 )
        www  300   IN A    192.0.2.1
        \tIN AAAA 2001:db8::1
           300 IN TXT "one word" plain
        mail IN\tMX 10 mx.example.com.   ; trailing comment
        crlf IN A 192.0.2.2\r
        \rlead IN A 192.0.2.3
        trailing IN A 192.0.2.4   \t
        \t \t
        
        esc\\.aped IN A 192.0.2.5
        $ORIGIN sub.example.com.
        host IN A 192.0.2.6
         IN TXT plain words  here
        dollar IN TXT $notadirective
        ünïcode IN A 192.0.2.7
        nul IN A 192.0.2.8\u{0}rest
        this-line-is-much-longer-than-sixty-bytes-so-it-is-dropped IN A 192.0.2.9
        after IN A 192.0.2.10
        $INCLUDE other.zone
        end IN A 192.0.2.11
        txt\tIN TXT "v=spf1  a\tmx ; (x)"  "two"\t"esc\\"aped\\\\" tail
        "quoted owner"  IN TXT "x"
        open IN TXT "never closed
        nul IN TXT "a\u{0}b"
        split IN TXT "a\\
        b"
        mid IN TXT ab"c  d"e  "f"
        """

    @Test func handWrittenZoneReadsTheSameInEveryBlockSize() {
        Self.assertSameBothWays(Self.handWritten, blockSizes: Array(1...40) + [64, 100, 333])
    }

    @Test func aZoneWithoutTTLTakesTheGeneralPathForEveryRecord() {
        // Without $TTL a record's TTL becomes the default for the next ones: the direct path stays out of it.
        let text = "a 300 IN A 192.0.2.1\nb IN A 192.0.2.2\n c 60 IN A 192.0.2.3\n"
        Self.assertSameBothWays(text, blockSizes: [1, 5, 1000])
        let general = Self.tokenize(text, blockSize: 1000, plainLines: false)
        #expect(general.contexts == ["example.com. 300", "example.com. 300", "example.com. 300"])
    }

    @Test func plainLinesAreWrittenOneSpaceApart() {
        let tokenized = Self.tokenize("$TTL 60\na\t \tIN  A\t192.0.2.1 \r\n\tIN AAAA ::1\n", blockSize: 1000, plainLines: true)
        #expect(tokenized.description.hasPrefix("2 [example.com. 60] a IN A 192.0.2.1\n3 [example.com. 60] a.example.com. IN AAAA ::1"))
        let quoted = Self.tokenize("$TTL 60\nt\tTXT  \"a  \\\" b\"\t\"c\"\n", blockSize: 1000, plainLines: true)
        #expect(quoted.description.hasPrefix("2 [example.com. 60] t TXT \"a  \\\" b\" \"c\"\n"))
    }

    /// Random lines over an alphabet heavy in what the tokenizer treats specially.
    @Test func randomTextReadsTheSameBothWays() {
        var generator = SeededRandom(state: 12)
        let pieces = ["a", "IN", "A", "192.0.2.1", " ", "  ", "\t", "\r", "\n", "\n", "\n", ";", "(", ")", "\"", "\\",
                      "$TTL 5", "$ORIGIN x.", "$", "\u{0}", "é", "www", "300", "TXT"]
        for _ in 0..<200 {
            var text = "$TTL 60\n"
            for _ in 0..<Int(generator.next() % 40) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            Self.assertSameBothWays(text, blockSizes: [1, 3, 7, 1 << 20])
        }
    }
}
