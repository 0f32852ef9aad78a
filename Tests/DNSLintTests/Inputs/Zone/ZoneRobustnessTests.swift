@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting
import Foundation
import Testing

/// Mangled zone files (random bytes, stray quotes and parentheses, cut records) must always come back
/// as findings: no crash, no hang, no usage error.
@Suite struct ZoneRobustnessTests {
    static let base = Array("""
        $ORIGIN fuzz.example.
        $TTL 300
        @ IN SOA ns1 hostmaster ( 1 7200 3600 1209600 300 )
        @ IN NS ns1
        ns1 IN A 192.0.2.1
        api IN CNAME lb
        lb IN A 192.0.2.2
        txt IN TXT "a;b" "(c)"
        mx IN MX 10 mail
        srv IN SRV 0 5 443 api
        gen IN TYPE731 \\# 2 abcd
        """.utf8)

    static let hostile: [UInt8] = Array("();\"\\$@. \t\n\r".utf8) + [0, 0xFF, 0xC3, 0x28]

    @Test(arguments: 0..<40)
    func mangledZonesGiveFindingsNotCrashes(seed: Int) throws {
        var random = SeededRandom(state: UInt64(seed))
        var bytes = ZoneRobustnessTests.base
        for _ in 0..<Int.random(in: 1...12, using: &random) {
            let position = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: bytes.insert(ZoneRobustnessTests.hostile.randomElement(using: &random)!, at: position)
            case 1: bytes.remove(at: position)
            default: bytes.replaceSubrange(position..<min(bytes.count, position + Int.random(in: 1...20, using: &random)), with: [])
            }
            if bytes.isEmpty { bytes = [10] }
        }
        let folder = ScratchFolder()
        defer { folder.remove() }
        let file = try folder.write("fuzz.example.zone", bytes: Data(bytes))
        for finding in try Lint.paths([file], ["--origin", "fuzz.example."]) {
            #expect(!finding.message.isEmpty)
            if let line = finding.location?.line { #expect(line >= 1) }
        }
    }
}
