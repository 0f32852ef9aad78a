import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Asks a run to stop early, at a wall-clock deadline (`--deadline 30m`) or on SIGINT/SIGTERM, so the run
/// reports what it has instead of losing everything. Readers and the prober check it between units of work.
package final class RunStop: Sendable {
    /// 0 while running, -1 after the deadline, else the signal number.
    private let reason = Atomic<Int32>(0)
    private let deadlineText: String?
    /// The signal and timer sources, kept alive for the run; written once, in `install`, before any use.
    nonisolated(unsafe) private var sources: [any DispatchSourceProtocol] = []

    package init(deadline text: String? = nil) {
        deadlineText = text
    }

    /// Work left undone once the stop was requested, for the report.
    package let filesNotRead = Atomic<Int>(0)
    package let namesNotJudged = Atomic<Int>(0)
    package let namesNotAudited = Atomic<Int>(0)
    /// The first file or name left out, where the DNS0007 finding points (nil: nothing had a place).
    private let firstLeftOut = Mutex<SourceLocation?>(nil)

    /// Remembers where the first piece of work left out was declared.
    package func leftOut(at location: SourceLocation?) {
        guard let location else { return }
        firstLeftOut.withLock { if $0 == nil { $0 = location } }
    }

    package var firstLeftOutLocation: SourceLocation? { firstLeftOut.withLock { $0 } }

    package var isRequested: Bool { reason.load(ordering: .relaxed) != 0 }

    package func request(signal: Int32) { _ = reason.compareExchange(expected: 0, desired: signal, ordering: .relaxed) }

    package func requestDeadline() { _ = reason.compareExchange(expected: 0, desired: -1, ordering: .relaxed) }

    /// Why the run stopped, for the DNS0007 finding; nil while it runs.
    package var why: String? {
        switch reason.load(ordering: .relaxed) {
        case 0: nil
        case -1: "its --deadline of \(deadlineText ?? "?") passed"
        case SIGINT: "it was interrupted (SIGINT)"
        case SIGTERM: "it was asked to stop (SIGTERM)"
        case let other: "it received signal \(other)"
        }
    }

    /// A stop that fires after `seconds` (when given) and, with `signals`, on SIGINT/SIGTERM, which then no
    /// longer kill the process. A deadline of zero or less has passed already.
    package static func install(deadline seconds: Double?, text: String?, signals: Bool = true) -> RunStop {
        let stop = RunStop(deadline: text)
        var sources: [any DispatchSourceProtocol] = []
        if signals {
            for number in [SIGINT, SIGTERM] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { stop.request(signal: number) }
                source.resume()
                sources.append(source)
            }
        }
        if let seconds {
            if seconds <= 0 {
                stop.requestDeadline()
            } else {
                let timer = DispatchSource.makeTimerSource(queue: .global())
                timer.schedule(deadline: .now() + seconds)
                timer.setEventHandler { stop.requestDeadline() }
                timer.resume()
                sources.append(timer)
            }
        }
        stop.sources = sources
        return stop
    }
}
