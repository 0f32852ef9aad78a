import LDNS
import Testing

/// Type mnemonics read as ldns reads them, whether the shortcut for the common types or ldns itself answers.
@Suite struct RRTypeMnemonicTests {
    @Test func everyTypeReadsBackFromItsMnemonicInAnyCase() {
        var known = 0
        for code in UInt16(1)...UInt16(300) {
            let type = RRType(code)
            let mnemonic = type.mnemonic
            guard !mnemonic.hasPrefix("TYPE") else { continue }
            known += 1
            #expect(RRType(mnemonic: mnemonic) == type, "\(mnemonic)")
            #expect(RRType(mnemonic: mnemonic.lowercased()) == type, "\(mnemonic.lowercased())")
        }
        #expect(known > 50)
        #expect(RRType(mnemonic: "TYPE65534") == RRType(65534))
        #expect(RRType(mnemonic: "TYPE70000") == nil)
        #expect(RRType(mnemonic: "NOSUCHTYPE") == nil)
        #expect(RRType(mnemonic: "") == nil)
    }
}
