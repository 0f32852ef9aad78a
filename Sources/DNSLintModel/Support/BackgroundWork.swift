import Foundation

/// One piece of work started on another thread now and collected later with `wait()`: lets a reader keep
/// tokenising the next batch while the previous one is parsed.
package final class BackgroundWork<T: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written once by the worker before it leaves the group; read only after `wait` (the group orders the two).
    private var result: T?
    /// Set by `init`, taken by the worker: released before `wait` returns, so whatever the work captured
    /// (a batch whose buffers the caller reuses) is no longer shared by then.
    private var work: (@Sendable () -> T)?

    package init(_ work: @escaping @Sendable () -> T) {
        self.work = work
        group.enter()
        DispatchQueue.global().async {
            self.result = self.runOnce()
            self.group.leave()
        }
    }

    private func runOnce() -> T {
        let taken = work!
        work = nil
        return taken()
    }

    /// The work's result, handed over (not kept here, so the caller may change it without a copy); call once.
    package func wait() -> T {
        group.wait()
        return result.take()!
    }
}
