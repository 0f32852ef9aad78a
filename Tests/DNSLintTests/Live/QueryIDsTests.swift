@testable import DNSLintLive
import Testing

/// Query ids come from the kernel's random source in batches; they must still look like independent draws.
@Suite struct QueryIDsTests {
    @Test func idsAcrossSeveralBatchesAreSpreadOverTheWholeRange() {
        var ids = QueryIDs()
        let drawn = (0..<4_096).map { _ in ids.next() }
        // 4,096 draws from 65,536 values repeat about 128 times; a stuck or zero-filled batch repeats thousands.
        #expect(Set(drawn).count > 3_700)
        // Both halves of the range and both parities appear in every batch of 256.
        for batch in stride(from: 0, to: drawn.count, by: 256) {
            let slice = drawn[batch..<batch + 256]
            #expect(slice.contains { $0 >= 0x8000 } && slice.contains { $0 < 0x8000 })
            #expect(slice.contains { $0 % 2 == 0 } && slice.contains { $0 % 2 == 1 })
        }
        // Two generators do not replay each other.
        var other = QueryIDs()
        #expect((0..<64).map { _ in other.next() } != Array(drawn.prefix(64)))
    }
}
