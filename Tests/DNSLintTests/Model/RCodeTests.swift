@testable import DNSLintModel
import Testing

/// Rcode names read back as their values whatever the case a capture spells them in; unknown ones are nil.
@Suite struct RCodeTests {
    @Test func namesReadBackInAnyCase() {
        for (value, name) in RCode.names.enumerated() {
            #expect(RCode.value(name) == value)
            #expect(RCode.value(name.lowercased()) == value)
            #expect(RCode.name(value) == name)
        }
        #expect(RCode.value("rcode12") == 12)
        #expect(RCode.value("RCODE15") == 15)
        #expect(RCode.name(12) == "RCODE12")
        #expect(RCode.value("RCODE16") == nil)
        #expect(RCode.value("NOPE") == nil)
        #expect(RCode.value("") == nil)
    }
}
