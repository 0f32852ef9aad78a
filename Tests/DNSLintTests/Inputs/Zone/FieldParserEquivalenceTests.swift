@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting
import Foundation
import LDNS
import Testing

/// The field-by-field fast path must read every record exactly as `ldns_rr_new_frm_str` does.
@Suite struct FieldParserEquivalenceTests {
    struct Parsed: Equatable {
        var owner: [UInt8]
        var type: UInt16
        var rrClass: UInt16
        var ttl: UInt32
        var rdata: [UInt8]
        var target: [UInt8]?
    }

    static func parse(_ parser: RecordParser, _ line: String, defaultTTL: UInt32, fast: Bool) -> Parsed? {
        var result: Parsed?
        let error = line.withCString { text in
            parser.parse(text, defaultTTL: defaultTTL, fieldByField: fast) { record in
                result = Parsed(owner: Array(record.owner), type: record.type.rawValue, rrClass: record.rrClass, ttl: record.ttl,
                                rdata: Array(record.rdata), target: record.target.map { Array($0) })
            }
        }
        return error == nil ? result : nil
    }

    static func records(in text: String, origin: String) -> [(String, ZoneParseContext)] {
        var tokenizer = ZoneTokenizer(origin: origin, defaultTTL: nil)
        var batch = RecordBatch()
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBufferPointer { tokenizer.scan($0, final: true, into: &batch) }
        return (0..<batch.count).map { index in
            let start = Int(batch.starts[index])
            let end = batch.text[start...].firstIndex(of: 0)!
            let line = String(decoding: batch.text[start..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return (line, tokenizer.contexts[Int(batch.contexts[index])])
        }
    }

    /// Parses each line both ways, expects the same record, and returns how many lines parse.
    static func assertLinesAgree(_ lines: [String], parser: RecordParser, defaultTTL: UInt32, context: String,
                                 sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Int {
        var parsed = 0
        for line in lines {
            let slow = parse(parser, line, defaultTTL: defaultTTL, fast: false)
            let fast = parse(parser, line, defaultTTL: defaultTTL, fast: true)
            #expect(slow == fast, "fast and full parsers disagree \(context) on: \(line)", sourceLocation: sourceLocation)
            if slow != nil { parsed += 1 }
        }
        return parsed
    }

    static func assertAgree(_ text: String, origin: String) -> Int {
        let parser = RecordParser()
        var fastHits = 0
        for (line, context) in records(in: text, origin: origin) {
            guard parser.setOrigin(context.origin) else { continue }
            let slow = parse(parser, line, defaultTTL: context.defaultTTL, fast: false)
            let fast = parse(parser, line, defaultTTL: context.defaultTTL, fast: true)
            #expect(slow == fast, "fast and full parsers disagree on: \(line)")
            if slow != nil { fastHits += 1 }
        }
        return fastHits
    }

    @Test func trickyRecordsAgree() {
        let zone = """
            $ORIGIN example.com.
            @ 1h IN SOA ns1 hostmaster.example.com. ( 2024 6h 1H 1w 1d )
            @ IN NS ns1
            @ NS ns2.example.net.
            ns1 IN A 192.0.2.1
            ns1 CH A 192.0.2.2
            mixed 3600 in aaaa 2001:DB8::1
            WWW.Example.COM. 300 CNAME Target
            mx 60 MX 10 @
            srv IN SRV 0 5 5060 sip.example.com.
            txt IN TXT "a b;c" "" plain
            txt2 TXT "with (parens)"
            ptr PTR host
            dn DNAME other.example.
            bad A 192.0.2.300
            bad2 AAAA nothing
            big 4294967295 A 192.0.2.9
            esc TXT "quote \\" inside"
            """
        #expect(FieldParserEquivalenceTests.assertAgree(zone, origin: "example.com.") >= 14)
        // Each line longer than all before it, then short ones again: the token buffer grows and is reused.
        let growing = (1...12).map { "long\($0) TXT " + Array(repeating: "\"" + String(repeating: "x", count: 20 * $0) + "\"", count: $0).joined(separator: " ") }
        #expect(FieldParserEquivalenceTests.assertAgree((growing + ["a A 192.0.2.1", "b TXT \"s\""]).joined(separator: "\n"),
                                                        origin: "example.com.") == 14)
    }

    /// Owners read without ldns (`plainName`) must come out as ldns builds them, and every owner it leaves to
    /// ldns (escapes, the root, empty or long labels, long names) must still read as ldns reads it.
    @Test func ownerNamesAgree() {
        let label63 = String(repeating: "a", count: 63), label64 = String(repeating: "b", count: 64)
        let long = (0..<4).map { _ in String(repeating: "c", count: 60) }.joined(separator: ".")
        let owners = ["h0", "Mixed.Case", "abs.example.org.", "*", "*.wild", "_sip._tcp", "x-y_z", "@", "@foo", "a@b",
                      "\u{e9}t\u{e9}", "esc\\.dot", "dec\\065", ".", "a..b", ".lead", label63, label64, "\(label63).\(label63)",
                      long, long + ".", String(long.prefix(230)), "one.two.three.four.five"]
            // Names around the 255-octet limit, absolute and relative, in labels of 63.
            + (248...256).flatMap { length -> [String] in
                var text = ""
                while text.count < length {
                    if !text.isEmpty { text += "." }
                    text += String(repeating: "d", count: min(63, max(1, length - text.count)))
                }
                return [text, text + "."]
            }
        let zone = owners.map { "\($0) A 192.0.2.1" }.joined(separator: "\n")
        #expect(FieldParserEquivalenceTests.assertAgree(zone, origin: "example.com.") >= 15)
        #expect(FieldParserEquivalenceTests.assertAgree(zone, origin: ".") >= 15)
    }

    /// Lines handed over as written (a capture's records are not tokenized first): runs of spaces, a trailing
    /// space, tabs, and quotes or escapes that take the token-by-token split.
    @Test func rawLinesSplitAsTheFullParserReadsThem() {
        let parser = RecordParser()
        #expect(parser.setOrigin("example.com."))
        let lines = ["a  IN   A 192.0.2.1", "b IN A 192.0.2.2 ", "c\tIN\tA\t192.0.2.3", "d IN MX 10  mail", "e IN TXT \"x  y\"",
                     "f IN TXT plain  words", "g\\. IN A 192.0.2.4", "h 60 IN AAAA 2001:db8::1  "]
        #expect(Self.assertLinesAgree(lines, parser: parser, defaultTTL: 300, context: "as written") >= 6)
    }

    /// Class and type tokens are remembered by their exact bytes (`MnemonicCache`): every spelling of each, more
    /// spellings than the cache keeps, tokens too long to key and unknown ones read as ldns reads them, the
    /// first time and again.
    @Test func classAndTypeSpellingsAgreeFirstTimeAndAgain() {
        // Types whose data reads as another's (a name for CNAME, NS and PTR) first: a token given another's
        // entry then parses without error, and only the comparison catches it.
        let data = [("CNAME", "target"), ("NS", "ns1"), ("PTR", "host"), ("A", "192.0.2.1"), ("TYPE1", "192.0.2.2"),
                    ("AAAA", "2001:db8::1"), ("TYPE28", "2001:db8::2"), ("MX", "10 mail"), ("TXT", "\"text\""),
                    ("SRV", "0 5 5060 sip"), ("NSEC3PARAM", "1 0 10 aabb"), ("BOGUS", "x"), ("ABCDEFGH", "y")]
        var lines: [String] = []
        for (type, rdata) in data {
            for spelling in [type, type.lowercased(), type.prefix(1) + type.dropFirst().lowercased()] {
                for rrClass in ["", "IN ", "in ", "In ", "CH ", "HS "] {
                    lines.append("name 300 \(rrClass)\(spelling) \(rdata)")
                }
            }
        }
        let zone = "$ORIGIN example.com.\n" + (lines + lines).joined(separator: "\n")
        #expect(FieldParserEquivalenceTests.assertAgree(zone, origin: "example.com.") >= lines.count)
    }

    /// A parser without an origin (a capture's records, written absolute): absolute names are read field by
    /// field, while relative names and `@` are left to ldns, which keeps them as it always did.
    @Test func withoutAnOriginAbsoluteNamesAgreeAndRelativeOnesFallBack() {
        let parser = RecordParser()
        let lines = ["www.example.test. 300 IN A 192.0.2.1", "www.example.test. 300 IN CNAME target.example.test.",
                     "example.test. 60 IN MX 10 mail.example.test.", "example.test. 60 IN SOA ns. host. 1 2 3 4 5",
                     "relative 300 IN A 192.0.2.2", "www.example.test. 300 IN CNAME relative",
                     "@ 300 IN A 192.0.2.3", ". 300 IN NS a.root-servers.net."]
        #expect(Self.assertLinesAgree(lines, parser: parser, defaultTTL: 0, context: "without an origin") >= 5)
    }

    @Test(.needsShared) func corpusZonesAgree() throws {
        let folder = TestPaths.corpus("zones")
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !name.hasPrefix("large") {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let text = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            checked += FieldParserEquivalenceTests.assertAgree(text, origin: ZoneOrigin.fromContent(text)?.text ?? "corpus.example.")
        }
        #expect(checked > 1000)
    }
}
