import DNSLintModel
import LDNS
import Synchronization

/// Bounds queries in flight (a counting semaphore for async code) and spaces them to a rate.
final class QueryGate: Sendable {
    private struct State {
        var available: Int
        var waiters: [CheckedContinuation<Void, Never>] = []
        var head = 0
        var nextSlot: ContinuousClock.Instant
    }

    private let state: Mutex<State>
    private let interval: Duration?

    /// - Parameters:
    ///   - concurrency: queries allowed in flight at once.
    ///   - queriesPerSecond: global rate cap; 0 means none.
    init(concurrency: Int, queriesPerSecond: Int) {
        state = Mutex(State(available: max(1, concurrency), nextSlot: .now))
        interval = queriesPerSecond > 0 ? .nanoseconds(1_000_000_000 / queriesPerSecond) : nil
    }

    /// Waits for a free slot and, with a rate cap, for this query's turn.
    func enter() async {
        // A free slot is taken without suspending; only a full gate parks the caller.
        let took = state.withLock { state -> Bool in
            guard state.available > 0 else { return false }
            state.available -= 1
            return true
        }
        if !took { await park() }
        await pace()
    }

    private func park() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state -> Bool in
                if state.available > 0 {
                    state.available -= 1
                    return true
                }
                state.waiters.append(continuation)
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

    func leave() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard state.head < state.waiters.count else {
                state.available += 1
                return nil
            }
            let next = state.waiters[state.head]
            state.head += 1
            if state.head > 1024, state.head * 2 > state.waiters.count {
                state.waiters.removeFirst(state.head)
                state.head = 0
            }
            return next
        }
        next?.resume()
    }
}
