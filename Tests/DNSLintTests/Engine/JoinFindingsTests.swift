@testable import DNSLint
@testable import DNSLintModel
import Testing

/// A live run joins its findings a batch at a time; the joined array must grow geometrically.
@Suite struct JoinFindingsTests {
    @Test func joiningBatchByBatchReallocatesLogarithmicallyOften() {
        let finding = Finding(ruleCode: "DNS1001", ruleName: "x", severity: .warning, message: "m")
        var joined: [Finding] = []
        var reallocations = 0
        for _ in 0..<2_000 {
            var chunks = [[finding], [], [finding]]
            let capacity = joined.capacity
            joinReleasing(&chunks, into: &joined)
            if joined.capacity != capacity { reallocations += 1 }
            #expect(chunks.allSatisfy { $0.isEmpty })
        }
        #expect(joined.count == 4_000)
        // Reserving the exact count each time reallocated on all 2,000 joins, copying every finding so far.
        #expect(reallocations <= 16)
    }
}
