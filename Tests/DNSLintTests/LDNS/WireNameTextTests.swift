import LDNS
import Testing

/// Names are written into strings of their exact length in one pass that measures and one that writes:
/// both must agree on every kind of byte (plain, escaped with a backslash, written as `\DDD`).
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
}
