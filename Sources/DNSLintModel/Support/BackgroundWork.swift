import Foundation

/// One piece of work started on another thread now and collected later with `wait()`: lets a reader keep
/// tokenising the next batch while the previous one is parsed.
package final class BackgroundWork<T: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written once by the worker before it leaves the group; read only after `wait` (the group orders the two).
    private var result: T?

    package init(_ work: @escaping @Sendable () -> T) {
        group.enter()
        DispatchQueue.global().async {
            self.result = work()
            self.group.leave()
        }
    }

    package func wait() -> T {
        group.wait()
        return result!
    }
}
