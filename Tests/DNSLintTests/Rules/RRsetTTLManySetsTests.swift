@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintRules
import Foundation
import Testing

/// DNS1008 keeps the first record of each RRset of an owner in a short list, and past 16 RRsets in a
/// dictionary too: an owner with many RRsets must be judged the same on either side of that switch.
@Suite struct RRsetTTLManySetsTests {
    /// An owner with `sets` RRsets of private types, the one at `mismatched` written twice with different TTLs.
    static func zone(sets: Int, mismatched: Int) -> String {
        var body = ""
        for index in 0..<sets {
            body += "many 300 IN TYPE\(65_280 + index) \\# 1 0\(index % 10)\n"
            if index == mismatched { body += "many 600 IN TYPE\(65_280 + index) \\# 1 1\(index % 10)\n" }
        }
        return zoneText(origin: "many.test.", body)
    }

    @Test(arguments: [(4, 2), (16, 15), (17, 16), (40, 3), (40, 39)])
    func mismatchIsFoundWhereverTheSetSits(sets: Int, mismatched: Int) throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let path = try folder.write("many.test.zone", Self.zone(sets: sets, mismatched: mismatched))
        let found = try lintFindings([path]).filter { $0.rule == "DNS1008" }
        // Lines: five of the zoneText header, then one per set and the repeat right after the mismatched one.
        let repeatLine = 5 + mismatched + 2
        #expect(found.map(\.line) == [repeatLine], "\(found)")
        #expect(found.first?.message.contains("TYPE\(65_280 + mismatched) records of many.many.test. have TTLs 300 and 600") == true)
        #expect(found.first?.relatedLines == [repeatLine - 1])
    }
}
