import LDNS
import Testing

/// Queries spliced from a template must be the bytes ldns builds for the same question.
@Suite struct QueryTemplateTests {
    /// Names of every shape: the root, short and long labels, the 255-octet limit, capitals, escaped bytes.
    static let names: [String] = [
        ".", "a.", "www.example.test.", "WWW.Example.TEST.", "h123456.synth.test.", "_sip._tcp.example.test.",
        "a\\000b.example.test.", "\\255\\.dot.example.test.", "*.wild.example.test.",
        String(repeating: "x", count: 63) + ".example.test.",
        // Four 61-octet labels and one of five: 4 * 62 + 6 + the root = the full 255.
        (0..<4).map { _ in String(repeating: "y", count: 61) }.joined(separator: ".") + ".abcde.",
    ]

    @Test(arguments: [RRType.a, .aaaa, .mx, .ns, .soa, .srv, .cname, .txt, .https, RRType(65_280)])
    func splicedQueriesAreTheBytesLDNSBuilds(_ type: RRType) throws {
        var generator = SystemRandomNumberGenerator()
        for recursionDesired in [true, false] {
            for edns in [true, false] {
                let template = try QueryTemplate(type: type, recursionDesired: recursionDesired, edns: edns)
                for text in Self.names {
                    let name = try #require(WireName.wire(fromText: text), "\(text)")
                    let id = UInt16.random(in: 0...UInt16.max, using: &generator)
                    let built = try QueryBuilder.query(name: name, type: type, id: id, recursionDesired: recursionDesired, edns: edns)
                    #expect(template.query(name: name, id: id) == built, "\(text) \(type.mnemonic) rd=\(recursionDesired) edns=\(edns)")
                }
            }
        }
    }

    @Test func theLongestNameIsTheFullLimit() throws {
        #expect(WireName.wire(fromText: Self.names.last!)?.count == 255)
    }
}
