@testable import DNSLintModel
import Testing

/// Messages built as bytes read exactly as String interpolation writes them.
@Suite struct TextBuilderTests {
    @Test(arguments: [0, 7, 10, 300, 3_600, -1, -86_400, Int.max, Int.min])
    func integersReadAsInterpolated(number: Int) {
        var text = TextBuilder()
        text.add(number)
        #expect(text.text == "\(number)")
    }

    @Test(arguments: [UInt32(0), 9, 2_147_483_648, UInt32.max])
    func ttlsReadAsInterpolated(ttl: UInt32) {
        var text = TextBuilder()
        text.add(ttl)
        #expect(text.text == "\(ttl)")
    }

    @Test func namesAreRelativeAsDNSNameSaysThem() {
        let origin = DNSName("example.com.")
        let names = ["example.com.", "api.example.com.", "a.b.example.com.", "other.org.", "xexample.com.", "a\\.example.com."]
        for spelling in names {
            let name = DNSName(normalized: spelling)
            var text = TextBuilder()
            text.add("[")
            text.add(name, relativeTo: origin)
            text.add("]")
            #expect(text.text == "[\(name.relative(to: origin))]", "\(spelling)")
            var rooted = TextBuilder()
            rooted.add(name, relativeTo: .root)
            #expect(rooted.text == name.relative(to: .root))
        }
    }
}
