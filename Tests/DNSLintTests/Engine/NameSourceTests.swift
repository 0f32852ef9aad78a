@testable import DNSLint
@testable import DNSLintModel
import LDNS
import Testing

/// How `dnslint live` reads a names file line.
@Suite struct NameSourceTests {
    /// A name, then optionally the types whose targets DNS1007 checks (asked with each target's A).
    @Test func aNamesFileLineMayNameTheTypesToAsk() throws {
        let shop = try #require(try NameSource.namesFileLine("  shop.example.  MX srv\tmx ", at: "n:1"))
        #expect(shop.0 == "shop.example." && shop.1 == [.mx, .srv])
        let plain = try #require(try NameSource.namesFileLine("api.example.", at: "n:2"))
        #expect(plain.0 == "api.example." && plain.1.isEmpty)
        #expect(try NameSource.namesFileLine("   ", at: "n:3") == nil)
        // Anything else would be read as something the file does not say.
        #expect(throws: InputError.self) { try NameSource.namesFileLine("api.example. TXT", at: "n:4") }
        #expect(throws: InputError.self) { try NameSource.namesFileLine("two words", at: "n:5") }
    }

    /// A zone's names ask the types of theirs that name hosts, in the zone's order.
    @Test func aZoneNameAsksItsHostNamingTypes() {
        #expect(NameSource.targetTypes([.soa, .ns, .txt, .mx, RRType(257)]) == [.soa, .ns, .mx])
    }
}
