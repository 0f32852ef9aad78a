@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintRules
import Foundation
import LDNS
import Testing

/// A zone answers names at and below a zone cut with a referral and names below a DNAME by synthesis
/// (RFC 1034 4.3.2, RFC 6672), as an authoritative server loaded with it would.
@Suite struct ZoneRedirectionTests {
    static let text = """
        $ORIGIN redirect.test.
        $TTL 300
        @          IN SOA   ns1 hostmaster 1 7200 3600 1209600 300
        @          IN NS    ns1
        ns1        IN A     192.0.2.1
        child      IN NS    ns1.child
        ns1.child  IN A     192.0.2.53
        x.child    IN DNAME elsewhere
        old        IN DNAME new
        app.new    IN A     192.0.2.80
        up         IN DNAME x.up
        ping       IN DNAME pong
        pong       IN DNAME ping
        """

    static func index(_ text: String = text, maxCNAMEHops: Int = LintOptions.defaultMaxCNAMEHops) throws -> ZoneIndex {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let path = try folder.write("redirect.test.zone", text + "\n")
        var options = LintOptions()
        options.maxCNAMEHops = maxCNAMEHops
        return try #require(try InputReader.read(paths: [path], options: options).inputs.first as? ZoneIndex)
    }

    @Test func namesAtAndBelowACutAreReferralsNotNXDOMAIN() throws {
        let zone = try Self.index()
        for name in ["child.redirect.test.", "missing.child.redirect.test.", "a.b.child.redirect.test.", "ns1.child.redirect.test."] {
            let answer = zone.answer(DNSName(name), .a)
            #expect(answer.outcome == .leftView(DNSName(name)), "\(name): \(answer.outcome)")
            #expect(answer.rcode == nil)
        }
        // The cut is above the DNAME written below it: the referral wins (that DNAME is occluded).
        #expect(zone.answer(DNSName("q.x.child.redirect.test."), .a).outcome == .leftView(DNSName("q.x.child.redirect.test.")))
        // The apex's own NS records are no cut, and a missing name beside the cut is still NXDOMAIN.
        #expect(zone.answer(DNSName("ns1.redirect.test."), .a).outcome == .records)
        #expect(zone.answer(DNSName("nothing.redirect.test."), .a).outcome == .nxDomain)
    }

    @Test func namesBelowADNAMEFollowASynthesizedCNAME() throws {
        let zone = try Self.index()
        let answer = zone.answer(DNSName("app.old.redirect.test."), .a)
        #expect(answer.outcome == .records)
        let hop = try #require(answer.chain.first)
        #expect(answer.chain.count == 1)
        #expect(hop.target == DNSName("app.new.redirect.test."))
        #expect(hop.dname == DNSName("old.redirect.test."))
        #expect(hop.origin.location?.line == 9)
        // The DNAME's owner itself is not redirected, and a CNAME query gets the synthesized CNAME.
        #expect(zone.answer(DNSName("old.redirect.test."), .dname).outcome == .records)
        let cname = zone.answer(DNSName("app.old.redirect.test."), .cname)
        #expect(cname.outcome == .records && cname.chain.isEmpty && cname.records.map(\.type) == [.cname])
        // The synthesized target may be missing: NXDOMAIN there.
        let gone = zone.answer(DNSName("gone.old.redirect.test."), .a)
        #expect(gone.outcome == .nxDomain && gone.finalName == DNSName("gone.new.redirect.test."))
    }

    @Test func synthesisLoopsAndOverlongNamesEndTheWalk() throws {
        let zone = try Self.index()
        let loop = zone.answer(DNSName("a.ping.redirect.test."), .a)
        #expect(loop.outcome == .loop)
        #expect(loop.chain.map(\.target.text) == ["a.pong.redirect.test.", "a.ping.redirect.test."])
        // up DNAME x.up: each synthesis adds a label, until the name would pass 255 octets (YXDOMAIN).
        let growing = zone.answer(DNSName("a.up.redirect.test."), .a)
        #expect(growing.outcome == .failed("YXDOMAIN"))
        #expect(growing.rcode == 6)
        #expect(growing.chain.count > 50)
    }

    /// A walk through DNAMEs past the recording limit reaches the same verdict, counting what it did not record.
    @Test func theVerdictThroughDNAMEsDoesNotDependOnTheLimit() throws {
        // c0 -> c1.old => c1.new -> c2.old => c2.new ... -> c20.old => c20.new -> app.new (=> synthesized).
        var lines = [Self.text, "c0 IN CNAME c1.old"]
        for index in 1..<20 { lines.append("c\(index).new IN CNAME c\(index + 1).old") }
        lines.append("c20.new IN CNAME app.new")
        let text = lines.joined(separator: "\n")
        let full = try Self.index(text).answer(DNSName("c0.redirect.test."), .a)
        let limited = try Self.index(text, maxCNAMEHops: 5).answer(DNSName("c0.redirect.test."), .a)
        #expect(full.outcome == .records)
        #expect(full.hopCount == 1 + 19 * 2 + 2)
        #expect(limited.outcome == .hopLimit)
        #expect(limited.hopCount == full.hopCount)
        #expect(limited.chain.count == 5)
        // A loop through DNAMEs is a loop past the limit too.
        #expect(try Self.index(maxCNAMEHops: 1).answer(DNSName("a.ping.redirect.test."), .a).outcome == .loop)
    }

    @Test func occludedRecordsAreNotServed() throws {
        let zone = try Self.index(Self.text + "\nwww.child IN CNAME x\nttl.old IN A 192.0.2.9\n")
        func served(_ name: String) throws -> [RRType] {
            let id = try #require(zone.names.find(DNSName(name).wire!))
            return zone.servedRecords(of: id).map(\.type)
        }
        #expect(try served("child.redirect.test.") == [.ns])
        #expect(try served("ns1.child.redirect.test.") == [.a])
        #expect(try served("www.child.redirect.test.").isEmpty)
        #expect(try served("ttl.old.redirect.test.").isEmpty)
        #expect(try served("old.redirect.test.") == [.dname])
        // Not audited either: names below the cut and below the DNAME.
        let audited = Set((0..<zone.subjectCount).map { zone.subject(at: $0).name.text })
        #expect(!audited.contains("www.child.redirect.test.") && !audited.contains("ttl.old.redirect.test."))
        #expect(audited.contains("old.redirect.test.") && audited.contains("app.new.redirect.test."))
    }

    /// The walk by type that target, SOA and glue rules use serves exactly what the walk by owner serves, in
    /// the same order: occluded records below the cut and the DNAME are left out of both.
    @Test func theWalkByTypeServesWhatTheWalkByOwnerServes() throws {
        let zone = try Self.index(Self.text + "\nwww.child IN CNAME x\nttl.old IN A 192.0.2.9\nmail IN MX 10 www.child\n"
                                  + "www IN CNAME app.new\nns1.child IN AAAA 2001:db8::53\n")
        for types: [RRType] in [[.a], [.cname], [.ns], [.dname], [.a, .aaaa], [.cname, .mx, .ns, .srv], [.soa], [.txt]] {
            var byOwner: [String] = []
            zone.forEachOwner(withAtLeast: 1) { _, records in
                for record in records where types.contains(record.type) { byOwner.append("\(record.line) \(record.type)") }
            }
            var byType: [String] = []
            zone.forEachServedRecord(ofTypes: types) { byType.append("\($0.line) \($0.type)") }
            #expect(byType == byOwner, "\(types)")
        }
        var addresses: [String] = []
        zone.forEachServedRecord(ofTypes: [.a, .aaaa, .cname]) { addresses.append(zone.name($0.owner).text + " \($0.type)") }
        // Glue below the cut is served; the CNAME below it and the A below the DNAME are not.
        #expect(addresses.contains("ns1.child.redirect.test. AAAA") && addresses.contains("www.redirect.test. CNAME"))
        #expect(!addresses.contains { $0.hasPrefix("www.child.") || $0.hasPrefix("ttl.old.") })
    }

    /// BIND's own `chain` test zone: five CNAMEs into delegations and a DNAME were false DNS1003 errors.
    @Test(.needsShared) func bindsChainTestZoneHasNoDanglingCNAMEs() throws {
        let file = TestPaths.corpus("zones").appendingPathComponent("isc-projects-bind9__system-chain-ns2__example.db")
        let findings = try Lint.paths([file.path])
        #expect(findings.withCode("DNS1003").isEmpty, "\(findings.withCode("DNS1003").map(\.message))")
        // cname -> a.cnamedname -> (DNAME) a.target, which has an A record and no AAAA.
        let broken = try #require(findings.withCode("DNS1001").first)
        #expect(broken.location?.line == 17)
        #expect(broken.related.contains { $0.message.contains("synthesized from the DNAME at cnamedname") && $0.location?.line == 18 })
        #expect(findings.withCode("DNS1004").count == 18)
    }

    @Test(.needsShared) func knotsDSAtApexZoneIsReported() throws {
        let file = TestPaths.corpus("zones").appendingPathComponent("CZ-NIC-knot__semantic_check_data__ds_apex.zone")
        let findings = try Lint.paths([file.path])
        #expect(findings.map(\.ruleCode) == ["DNS1018"])
        #expect(findings.first?.location?.line == 15)
    }
}

@Suite struct AddressLiteralTests {
    @Test(arguments: ["192.0.2.1", "0.0.0.0", "255.255.255.255"])
    func ipv4(_ text: String) { #expect(AddressLiteral.isIPv4(text)) }

    @Test(arguments: ["1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.x", "01234.1.1.1", "1..2.3", ""])
    func notIPv4(_ text: String) { #expect(!AddressLiteral.isIPv4(text)) }

    @Test(arguments: ["2001:db8::1", "::1", "::", "fe80::", "2001:db8:0:0:0:0:0:1", "::ffff:192.0.2.1", "64:ff9b::192.0.2.1",
                      "1:2:3:4:5:6:7::"])
    func ipv6(_ text: String) { #expect(AddressLiteral.isIPv6(text)) }

    @Test(arguments: ["2001:db8::1::2", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::1", "g::1", ":1", "1:", "::ffff:300.0.2.1",
                      "1:2:3:4:5:6:7:8::", "web", "host:8080x"])
    func notIPv6(_ text: String) { #expect(!AddressLiteral.isIPv6(text)) }
}
