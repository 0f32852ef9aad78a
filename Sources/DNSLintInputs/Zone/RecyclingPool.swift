import Synchronization

/// Buffers handed between threads and back, so a reader that fills one per batch reuses its pages instead
/// of faulting in fresh ones for every batch (a million-record zone is about thirty batches).
final class RecyclingPool<Buffer: Sendable>: Sendable {
    private let spare = Mutex<[Buffer]>([])
    private let make: @Sendable () -> Buffer

    init(make: @escaping @Sendable () -> Buffer) { self.make = make }

    /// A spare buffer, or a new one; the caller empties it.
    func take() -> Buffer {
        spare.withLock { $0.popLast() } ?? make()
    }

    /// Frees the spare buffers, once the reading that used them is done.
    func drain() {
        spare.withLock { $0 = [] }
    }

    func giveBack(_ buffers: [Buffer]) {
        spare.withLock { $0.append(contentsOf: buffers) }
    }
}
