import DNSLintModel
import LDNS
import Foundation
import Synchronization

/// A one-line progress display on a terminal (names done, queries in flight, rate); silent otherwise.
final class ProgressLine: Sendable {
    let enabled: Bool
    let done = Atomic<Int>(0)
    private let started = ContinuousClock.now

    init(enabled: Bool = isatty(STDERR_FILENO) == 1) { self.enabled = enabled }

    func draw(counters: ProbeCounters, inFlight: Int) {
        guard enabled else { return }
        let seconds = max(0.001, Double((ContinuousClock.now - started).components.seconds)
            + Double((ContinuousClock.now - started).components.attoseconds) / 1e18)
        let sent = counters.queries.load(ordering: .relaxed)
        let line = String(format: "\r\u{1B}[K%d names done, %d in flight, %.0f q/s", done.load(ordering: .relaxed),
                          inFlight, Double(sent) / seconds)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
