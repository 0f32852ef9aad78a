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
}
