import Foundation
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
        #expect(message.ednsUDPSize == nil)
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
    /// A response with `count` TSIG records (root owner, empty RDATA) in the additional section.
    static func responseWithTSIGs(_ count: Int) -> [UInt8] {
        var bytes: [UInt8] = [0x12, 0x34, 0x84, 0x00, 0, 0, 0, 0, 0, 0, 0, UInt8(count)]
        for _ in 0..<count { bytes += [0, 0x00, 0xFA, 0x00, 0xFF, 0, 0, 0, 0, 0, 0] }
        return bytes
    }

    /// ldns keeps only the last TSIG of a message and leaks the others (found by fuzzing the decoder),
    /// so a TSIG anywhere but last is rejected before ldns reads it; one TSIG at the end still decodes.
    @Test func aTSIGThatIsNotTheLastRecordIsMalformed() throws {
        #expect(throws: LDNSError.self) { try DNSMessage.decode(Self.responseWithTSIGs(2)) }
        do {
            _ = try DNSMessage.decode(Self.responseWithTSIGs(2))
        } catch {
            #expect(error.message == "a TSIG record that is not the last additional record (RFC 8945 section 5.1)")
        }
        let single = try DNSMessage.decode(Self.responseWithTSIGs(1))
        #expect(single.id == 0x1234 && single.isResponse)
        let found = try Data(contentsOf: TestPaths.fixtures("fuzz/message").appendingPathComponent("two-tsig-records.bin"))
        #expect(throws: LDNSError.self) { try DNSMessage.decode([UInt8](found)) }
    }
}
