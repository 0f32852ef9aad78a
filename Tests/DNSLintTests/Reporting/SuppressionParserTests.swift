@testable import DNSLintModel
@testable import DNSLintReporting
@testable import DNSLintRules
import Foundation
import Testing

/// The `dnslint:` comment grammar: directive, rules by code or name separated by commas or spaces, ` -- reason`.
@Suite struct SuppressionParserTests {
    let rules = RuleRegistry.all.map(\.metadata)

    /// The suppressions of `text` written to a file, or of every line of it fed to the collector (`lineByLine`):
    /// the reference the block search must agree with.
    func parse(_ text: String, lineByLine: Bool = false) -> [InlineSuppression] {
        let folder = ScratchFolder()
        defer { folder.remove() }
        guard let path = try? folder.write("f", text), let reader = LineReader(path: path, limit: .max) else {
            Issue.record("cannot write or read \(text)")
            return []
        }
        guard lineByLine else { return InlineSuppressionParser.parse(reader, path: "f", keep: 1 << 16, rules: rules) }
        var collector = SuppressionCollector(path: "f", rules: rules)
        while reader.advance(keep: 1 << 16) {
            collector.take(Substring(String(decoding: reader.line, as: UTF8.self)), number: reader.nextNumber - 1)
        }
        return collector.finish(lineCount: reader.nextNumber - 1)
    }

    @Test func aNextLineSuppressionWithCodesNamesAndAReason() throws {
        let found = parse("a\n; dnslint: disable-next-line DNS1002, cname-chain-no-aaaa DNS1002 -- TTLs differ -- on purpose\nwww IN A 1.2.3.4\n")
        let suppression = try #require(found.first)
        #expect(found.count == 1)
        #expect(suppression.location == SourceLocation(path: "f", line: 2, column: 1))
        #expect(suppression.scope == .nextLine(3))
        #expect(suppression.codes == ["DNS1002", "DNS1001"], "names become codes, once each, in order")
        #expect(suppression.unknownKeys.isEmpty)
        #expect(suppression.reason == "TTLs differ -- on purpose")
        #expect(suppression.hasReason)
    }

    /// CR LF ends lines as LF does: the target is the next line, and the reason stops at the line's end.
    @Test func crLFEndsLines() throws {
        let found = parse("a\r\n; dnslint: disable-next-line DNS1002 -- TTLs\r\n\r\n; note\r\nwww IN A 1.2.3.4\r\n")
        #expect(found.map(\.location) == [SourceLocation(path: "f", line: 2, column: 1)])
        #expect(found.map(\.scope) == [.nextLine(5)])
        #expect(found.map(\.reason) == ["TTLs"])
    }

    @Test func theTargetIsTheNextLineWithContentThatIsNotAComment() {
        let text = """
            # dnslint: disable-next-line DNS3001 -- a
            # dnslint: disable-next-line DNS3002 -- b

            # a plain comment
            options ndots:5
            """
        #expect(parse(text).map(\.scope) == [.nextLine(5), .nextLine(5)])
        #expect(parse("; dnslint: disable-next-line DNS1001 -- at the end").map(\.scope) == [.nextLine(2)])
    }

    @Test func eitherCommentCharacterStartsADirectiveThatStartsAComment() {
        #expect(parse("    # dnslint: disable-file DNS2005 -- indented in a ConfigMap").map(\.location.column) == [5])
        #expect(parse(";; dnslint: disable-file DNS1001 -- doubled").map(\.scope) == [.file])
        #expect(parse("www IN A 1.2.3.4 ;dnslint: disable-next-line DNS1001 -- trailing").map(\.location.column) == [18])
        #expect(parse("dnslint: disable-file DNS1001 -- no comment character").isEmpty)
        #expect(parse("txt IN TXT \"x;dnslint: disable-file DNS1001 -- inside a word\"").isEmpty)
        #expect(parse("# see dnslint: disable-file DNS1001 -- prose").isEmpty)
        #expect(parse("# DNSLINT: disable-file DNS1001 -- upper case").isEmpty)
    }

    @Test func whatIsWrongIsKept() {
        let unknown = parse("# dnslint: disable-next-line DNS9999 ndots DNS3001 -- x")
        #expect(unknown.first?.codes == ["DNS3001"])
        #expect(unknown.first?.unknownKeys == ["DNS9999", "ndots"])
        #expect(parse("# dnslint: disable-next-line DNS3 -- prefixes name no single rule").first?.unknownKeys == ["DNS3"])
        let noReason = parse("# dnslint: disable-file DNS3001")
        #expect(noReason.first?.reason == nil && noReason.first?.hasReason == false)
        #expect(parse("# dnslint: disable-file DNS3001 --   ").first?.hasReason == false)
        let directive = parse("# dnslint: disable DNS3001 -- x")
        #expect(directive.first?.scope == nil && directive.first?.directive == "disable")
        #expect(parse("# dnslint:").first?.directive == "")
    }

    @Test func theMarkerCheckFindsOnlyTheMarker() {
        for (text, expected) in [("x dnslint: y", true), ("dnslint:", true), ("dnslint", false), ("", false), ("ddnslint:", true), ("dnslint :", false),
                                 ("DNSLINT:", false)] {
            #expect(InlineSuppressionParser.marker.isFound(in: Array(text.utf8)) == expected, "\(text)")
        }
    }

    /// With blocks searched for the marker and lines read only from a comment to its target, the suppressions
    /// are the ones reading every line gives, wherever blocks end.
    @Test func theBlockSearchFindsWhatEveryLineGives() throws {
        let comment = "; dnslint: disable-next-line DNS1001 -- across"
        // Filler lines that end `offset` bytes before the first block's end.
        func filler(endingBefore offset: Int) -> String {
            let fill = LineReader.blockSize - offset
            return String(repeating: "a\n", count: fill / 2 - 1) + (fill % 2 == 1 ? "aa\n" : "a\n")
        }
        let texts = [
            "a\n; dnslint: disable-next-line DNS1002 -- TTLs\r\n\r\n; note\nwww IN A 1.2.3.4\r\n",
            "# dnslint: disable-next-line DNS3001 -- a\n# dnslint: disable-next-line DNS3002 -- b\n\n# c\noptions ndots:5",
            "www IN A 1.2.3.4 ;dnslint: disable-next-line DNS1001 -- trailing\n; dnslint: disable-file DNS1001 -- x\nb IN A 1.2.3.4\n",
            "; dnslint: disable-next-line DNS1001 -- at the end",
            "no marker\nat all\n",
            // The marker split by the first block's end, its target in the next block.
            filler(endingBefore: 6) + comment + "\n\n; more\nwww IN CNAME x\n",
            // The comment ends the first block; its target is the next block's first line.
            filler(endingBefore: comment.utf8.count + 1) + comment + "\nwww IN CNAME x\n",
            // A comment waiting at the end of the file.
            filler(endingBefore: 3) + comment + "\n;\n",
        ]
        for text in texts {
            let found = parse(text)
            #expect(found == parse(text, lineByLine: true), "\(text.suffix(200))")
            #expect(found.count == text.components(separatedBy: "dnslint:").count - 1)
        }
    }
}
