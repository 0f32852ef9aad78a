import LDNS
import Testing

@Suite struct MessageCodecTests {
    let name = WireName.wire(fromText: "www.example.test.")!

    @Test func queryWithEDNSRoundTripsThroughLDNS() throws {
        let bytes = try QueryBuilder.query(name: name, type: .aaaa, id: 0xbeef, recursionDesired: true, edns: true)
        let message = try DNSMessage.decode(bytes)
        #expect(message.id == 0xbeef)
        #expect(!message.isResponse)
        #expect(message.recursionDesired)
        #expect(message.hasOPT)
        #expect(message.ednsUDPSize == 1232)
        #expect(message.question?.type == .aaaa)
        #expect(message.question.map { WireName.text($0.name) } == "www.example.test.")
        #expect(message.size == bytes.count)
    }

    @Test func queryWithoutEDNSOrRecursionHasNeither() throws {
        let message = try DNSMessage.decode(try QueryBuilder.query(name: name, type: .a, id: 7, recursionDesired: false, edns: false))
        #expect(!message.hasOPT)
        #expect(!message.recursionDesired)
        #expect(message.additional.isEmpty)
    }

    @Test func responseRecordsComeBackAsPlainValuesWithText() throws {
        let query = try QueryBuilder.query(name: name, type: .a, id: 9, recursionDesired: true, edns: true)
        let reply = try #require(MisbehavingServer.reply(to: query))
        let message = try DNSMessage.decode(reply)
        #expect(message.isResponse && message.id == 9 && message.rcode == 0 && message.hasOPT)
        let record = try #require(message.answer.first)
        #expect(record.type == .a && record.ttl == 300)
        #expect(record.presentation == "www.example.test. 300 IN A 192.0.2.1")
    }

    @Test(arguments: ["loop", "garbage"])
    func malformedRepliesAreErrorsNotCrashes(_ label: String) throws {
        let query = try QueryBuilder.query(name: WireName.wire(fromText: "\(label).example.test.")!, type: .a, id: 1,
                                           recursionDesired: true, edns: false)
        let reply = try #require(MisbehavingServer.reply(to: query))
        #expect(throws: LDNSError.self) { try DNSMessage.decode(reply) }
    }

    @Test func truncatedBytesAreErrors() throws {
        let query = try QueryBuilder.query(name: name, type: .a, id: 1, recursionDesired: true, edns: true)
        let reply = try #require(MisbehavingServer.reply(to: query))
        for length in [0, 5, 12, 20, reply.count - 3] {
            #expect(throws: LDNSError.self, "\(length) bytes") { try DNSMessage.decode(Array(reply.prefix(length))) }
        }
    }
}
