import DNSLintInputs
import DNSLintModel

/// The counters of the saved runs among the inputs, added up for the report's summary (`analyze`),
/// from the captures as they were read: no file is decoded twice.
enum CaptureTotals {
    static func summary(of inputs: [any ParsedInput]) -> [String: ArgumentValue] {
        let captures = inputs.compactMap { $0 as? LoadedCapture }
        guard !captures.isEmpty else { return [:] }
        var total = ProbeStats()
        for stats in captures.compactMap(\.stats) {
            total.names += stats.names
            total.queries += stats.queries
            total.responses += stats.responses
            total.timeouts += stats.timeouts
            total.mismatched += stats.mismatched
            total.malformed += stats.malformed
            total.durationSeconds += stats.durationSeconds
        }
        return total.summary
    }
}
