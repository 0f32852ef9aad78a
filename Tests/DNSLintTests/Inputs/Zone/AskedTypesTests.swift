@testable import DNSLintInputs
import LDNS
import Testing

/// `ZoneIndex.isAsked` matches type numbers: they must be the types it names.
@Suite struct AskedTypesTests {
    @Test func everyTypeNumberIsAskedUnlessItIsOneOfTheNamedTypes() {
        let notAsked: [RRType] = [.a, .aaaa, .cname, .rrsig, .nsec, .nsec3, .nsec3param, .dnskey, .ds,
                                  RRType(mnemonic: "CDS")!, RRType(mnemonic: "CDNSKEY")!]
        for number in UInt16(0)...300 {
            let type = RRType(number)
            #expect(ZoneIndex.isAsked(type) == !notAsked.contains(type), "type \(number)")
        }
    }
}
