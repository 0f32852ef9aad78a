@testable import DNSLintInputs
@testable import DNSLintModel
import Foundation
import LDNS
import Testing

/// A record's target and a target's own answer read the same from a zone file and from a capture, so DNS1007
/// judges both without knowing which it has.
@Suite struct AnswerTargetTests {
    static let zone = """
        $ORIGIN example.
        $TTL 300
        @    IN SOA ns1 hostmaster 1 7200 3600 1209600 300
        @    IN NS  ns1
        ns1  IN A   192.0.2.1
        shop IN MX  10 mail
        mail IN CNAME host
        host IN A   192.0.2.25
        back IN PTR host
        """

    @Test func aZoneAnswerSaysEachRecordsTarget() throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let read = try InputReader.read(paths: [try folder.write("example.zone", Self.zone)], options: LintOptions())
        let view = try #require(read.views.first)
        #expect(view.answer(DNSName("shop.example."), .mx).records.map(\.target) == [DNSName("mail.example.")])
        #expect(view.answer(DNSName("example."), .soa).records.map(\.target) == [DNSName("ns1.example.")])
        #expect(view.answer(DNSName("host.example."), .a).records.map(\.target) == [nil])
        // Only host-target types carry it: no rule reads a PTR's, and a reverse zone has one per name.
        #expect(view.answer(DNSName("back.example."), .ptr).records.map(\.target) == [nil])
        let index = try #require((0..<view.subjectCount).first { view.subject(at: $0).name == DNSName("shop.example.") })
        let audit = view.audit(at: index)
        #expect(audit.others.map(\.type) == [.mx])
        // No recorded queries: another name's answer comes from the zone.
        #expect(audit.answer(DNSName("mail.example."), .a).chain.first?.target == DNSName("host.example."))
    }

    /// The prober's queries for shop: A and AAAA, then its MX and the MX target's A.
    static func shop(withTargets: Bool) throws -> CapturedName {
        var queries = [try query("shop.example.", "A", authority: [soa]), try query("shop.example.", "AAAA", authority: [soa])]
        if withTargets {
            queries += [try query("shop.example.", "MX", answer: ["shop.example. 300 IN MX 10 mail.example."]),
                        try query("mail.example.", "A", answer: ["mail.example. 300 IN CNAME host.example.",
                                                                  "host.example. 300 IN A 192.0.2.25"])]
        }
        return CapturedName(name: "shop.example.", server: "10.0.0.10:53", source: nil, queries: queries)
    }

    static let soa = "example. 300 IN SOA ns1.example. hostmaster.example. 1 7200 3600 1209600 300"

    static func query(_ name: String, _ type: String, answer: [String] = [], authority: [String] = []) throws -> CapturedQuery {
        let response = CapturedResponse(rcode: "NOERROR", flags: ["qr", "rd", "ra"], size: 80, opt: true,
                                        answer: try answer.map(Query.record), authority: try authority.map(Query.record))
        return CapturedQuery(name: name, type: type, server: "10.0.0.10:53", transport: .udp, edns: true, rd: true,
                             status: .response, response: response)
    }

    @Test func aLiveAuditCarriesTheTypesAskedAndTheTargetsAnswers() throws {
        let view = LiveView(label: "server 10.0.0.10:53", mode: .recursive, names: [try Self.shop(withTargets: true)])
        #expect(view.subject(at: 0).otherTypes == [.mx])
        let audit = view.audit(at: 0)
        let mx = try #require(audit.others.first)
        #expect(mx.type == .mx && mx.records.map(\.target) == [DNSName("mail.example.")])
        let target = audit.answer(DNSName("mail.example."), .a)
        #expect(target.chain.first?.owner == DNSName("mail.example."))
        #expect(target.chain.first?.origin.server == "10.0.0.10:53")
        // Never asked for this name: the view says so rather than inventing an answer.
        #expect(audit.answer(DNSName("other.example."), .a).outcome == .failed("not asked"))
    }

    @Test func anOlderCaptureHasNoOtherAnswers() throws {
        let view = LiveView(label: "server 10.0.0.10:53", mode: .recursive, names: [try Self.shop(withTargets: false)])
        #expect(view.subject(at: 0).otherTypes.isEmpty)
        #expect(view.audit(at: 0).others.isEmpty)
    }
}
