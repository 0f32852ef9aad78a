@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting
import Testing

@Suite struct TTLComparisonTests {
    @Test func zoneTTLsCompareExactly() {
        #expect(TTLComparison.differ(300, 299, fromServer: false))
        #expect(!TTLComparison.differ(300, 300, fromServer: false))
    }

    @Test func serverTTLsAllowCacheAging() {
        #expect(!TTLComparison.differ(300, 299, fromServer: true))
        #expect(!TTLComparison.differ(298, 300, fromServer: true))
        #expect(!TTLComparison.differ(290, 300, fromServer: true))
        #expect(TTLComparison.differ(250, 300, fromServer: true))
        #expect(TTLComparison.differ(60, 300, fromServer: true))
        #expect(TTLComparison.differ(nil, 300, fromServer: true))
        #expect(!TTLComparison.differ(nil, nil, fromServer: true))
    }

    /// A resolver under load answers A and AAAA seconds apart: the cache aged in between, the TTLs did not differ.
    @Test func theTimeBetweenReadingsIsAging() {
        #expect(TTLComparison.differ(40, 60, fromServer: true))
        #expect(!TTLComparison.differ(40, 60, fromServer: true, secondsApart: 19))
        #expect(TTLComparison.differ(40, 60, fromServer: true, secondsApart: 10))
        var a = DNSAnswer(name: DNSName("x.test."), type: .a, outcome: .records, rcode: 0, server: "127.0.0.1:53")
        var aaaa = DNSAnswer(name: DNSName("x.test."), type: .aaaa, outcome: .records, rcode: 0, server: "127.0.0.1:53")
        a.readAt = 1.0...1.2
        aaaa.readAt = 20.5...20.5
        #expect(DNSAnswer.secondsApart(a, aaaa) == 19.5)
        #expect(!TTLComparison.differ(40, 60, in: a, aaaa))
        aaaa.readAt = nil
        #expect(TTLComparison.differ(40, 60, in: a, aaaa), "without timings only the fixed slack applies")
    }
}
