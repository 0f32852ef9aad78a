import Foundation

/// Runs work that recurses once per nesting level of its input on a thread with a large stack, and waits.
/// Yams builds (and later frees) its node tree recursively; libyaml stops at 1,000 levels, which needs
/// a few megabytes in a debug or sanitizer build, more than a secondary thread's default stack.
enum LargeStack {
    static let bytes = 64 << 20

    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = work()
            done.signal()
        }
        thread.stackSize = bytes
        thread.start()
        done.wait()
        return box.value!
    }

    /// Written by the worker before it signals, read by the caller after the wait: the semaphore orders them.
    private final class ResultBox<T>: @unchecked Sendable {
        var value: T?
    }
}
