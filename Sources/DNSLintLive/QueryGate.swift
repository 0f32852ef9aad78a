import DNSLintModel
import LDNS
import Synchronization

/// Bounds queries in flight (a counting semaphore for async code) and spaces them to a rate.
final class QueryGate: Sendable {
    private struct Waiter {
        var slots: Int
        var continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var available: Int
        var waiters: [Waiter] = []
        var head = 0
        var nextSlot: ContinuousClock.Instant
        var hasWaiters: Bool { head < waiters.count }
    }

    private let state: Mutex<State>
    private let interval: Duration?
    /// Queries allowed in flight at once: the most one `enter` may ask for.
    let capacity: Int
    /// No rate cap: a batch of queries may leave together.
    var unpaced: Bool { interval == nil }

    /// - Parameters:
    ///   - concurrency: queries allowed in flight at once.
    ///   - queriesPerSecond: global rate cap; 0 means none.
    init(concurrency: Int, queriesPerSecond: Int) {
        capacity = max(1, concurrency)
        state = Mutex(State(available: capacity, nextSlot: .now))
        interval = queriesPerSecond > 0 ? .nanoseconds(1_000_000_000 / queriesPerSecond) : nil
    }

    /// Waits until `slots` queries (at most `capacity`) may be in flight and, with a rate cap, for the first
    /// one's turn. A batch takes its slots together: taken one by one, two batches could each hold part of
    /// the gate and wait for each other forever.
    func enter(slots: Int = 1) async {
        let slots = min(max(1, slots), capacity)
        // Free slots are taken without suspending; only a full gate (or one with callers queued before this
        // one, who go first) parks the caller.
        let took = state.withLock { state -> Bool in
            guard !state.hasWaiters, state.available >= slots else { return false }
            state.available -= slots
            return true
        }
        if !took { await park(slots) }
        await pace()
    }

    private func park(_ slots: Int) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state -> Bool in
                if !state.hasWaiters, state.available >= slots {
                    state.available -= slots
                    return true
                }
                state.waiters.append(Waiter(slots: slots, continuation: continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// With a rate cap, waits for this query's turn.
    private func pace() async {
        guard let interval else { return }
        let slot = state.withLock { state -> ContinuousClock.Instant in
            let slot = max(state.nextSlot, .now)
            state.nextSlot = slot + interval
            return slot
        }
        if slot > .now { try? await Task.sleep(until: slot, clock: .continuous) }
    }

    /// Gives back `slots` (as many as `enter` took) and lets in the callers queued first that now fit.
    func leave(slots: Int = 1) {
        let slots = min(max(1, slots), capacity)
        let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.available += slots
            var ready: [CheckedContinuation<Void, Never>] = []
            while state.hasWaiters, state.waiters[state.head].slots <= state.available {
                state.available -= state.waiters[state.head].slots
                ready.append(state.waiters[state.head].continuation)
                state.head += 1
            }
            if state.head > 1024, state.head * 2 > state.waiters.count {
                state.waiters.removeFirst(state.head)
                state.head = 0
            }
            return ready
        }
        for continuation in ready { continuation.resume() }
    }
}
