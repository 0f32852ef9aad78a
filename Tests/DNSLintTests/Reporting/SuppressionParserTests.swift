@testable import DNSLintModel
@testable import DNSLintReporting
@testable import DNSLintRules
import Testing

/// The `dnslint:` comment grammar: directive, rules by code or name separated by commas or spaces, ` -- reason`.
@Suite struct SuppressionParserTests {
    let rules = RuleRegistry.all.map(\.metadata)

    func parse(_ text: String) -> [InlineSuppression] {
        InlineSuppressionParser.parse(text, path: "f", rules: rules)
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
        for (text, expected) in [("x dnslint: y", true), ("dnslint:", true), ("dnslint", false), ("", false), ("ddnslint:", true), ("dnslint :", false)] {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBytes(InlineSuppressionParser.mentionsMarker) == expected, "\(text)")
        }
    }
}
