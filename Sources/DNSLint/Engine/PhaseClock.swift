import DNSLintModel
import DNSLintInputs
import DNSLintLive
import DNSLintRules
import DNSLintReporting
import LDNS
import Foundation

/// Prints how long each phase took, and the peak memory so far, to standard error when `DNSLINT_TIMING` is
/// set; for benchmarks.
package final class PhaseClock {
    private let enabled = ProcessInfo.processInfo.environment["DNSLINT_TIMING"] != nil
    private var last = DispatchTime.now()

    package init() {}

    package func mark(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        let seconds = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let peak = String(format: "%.1f", Double(usage.ru_maxrss) / 1024)
        FileHandle.standardError.write(Data("dnslint timing: \(phase) \(String(format: "%.3f", seconds)) s, peak \(peak) MiB so far\n".utf8))
        last = now
    }
}
