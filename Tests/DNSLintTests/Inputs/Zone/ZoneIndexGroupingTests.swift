@testable import DNSLintInputs
import DNSLintModel
import Foundation
import Testing

/// The index groups records by owner (on another thread) while it interns the owners' ancestors: names
/// interned after the grouping, empty non-terminals, own no records, and every owner keeps its own, in order.
@Suite struct ZoneIndexGroupingTests {
    @Test func ownersKeepTheirRecordsAndAncestorsOwnNone() throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        // Owners interleaved, so grouping moves records; a.b.c and x.y have ancestors that own nothing.
        let path = try folder.write("group.test.zone", zoneText(origin: "group.test.", """
            www IN A 192.0.2.1
            a.b.c IN A 192.0.2.2
            www IN AAAA 2001:db8::1
            x.y IN TXT "one"
            a.b.c IN AAAA 2001:db8::2
            x.y IN TXT "two"
            www IN TXT "three"

            """))
        let zone = try #require(try InputReader.read(paths: [path], options: LintOptions()).inputs.first as? ZoneIndex)
        func lines(of name: String) throws -> [UInt32] {
            let id = try #require(zone.names.find(DNSName(name).wire!), "\(name) is interned")
            return zone.records(of: id).map(\.line)
        }
        #expect(try lines(of: "www.group.test.") == [6, 8, 12])
        #expect(try lines(of: "a.b.c.group.test.") == [7, 10])
        #expect(try lines(of: "x.y.group.test.") == [9, 11])
        #expect(try lines(of: "group.test.") == [3, 4])
        for ancestor in ["b.c.group.test.", "c.group.test.", "y.group.test."] {
            #expect(try lines(of: ancestor).isEmpty, "\(ancestor) is an empty non-terminal")
        }
        #expect(zone.records.count == 3 + 7)
    }
}
