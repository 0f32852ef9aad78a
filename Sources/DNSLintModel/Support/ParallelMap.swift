import LDNS
import Foundation

/// Runs `body` for 0..<count on all cores and returns the results in index order.
package func parallelMap<T: Sendable>(_ count: Int, threads: Int, _ body: @Sendable (Int) -> T) -> [T] {
    if count == 0 { return [] }
    if threads <= 1 || count == 1 { return (0..<count).map(body) }
    let results = ResultSlots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
        results.set(index, body(index))
    }
    return results.values
}

/// Split 0..<total into about `parts` contiguous ranges.
package func chunkRanges(_ total: Int, parts: Int) -> [Range<Int>] {
    guard total > 0 else { return [] }
    let parts = max(1, min(parts, total))
    let size = (total + parts - 1) / parts
    return stride(from: 0, to: total, by: size).map { $0..<min($0 + size, total) }
}

private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [T] { slots.map { $0! } }
}
