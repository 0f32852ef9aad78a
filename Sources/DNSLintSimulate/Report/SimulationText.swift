import Foundation

/// The text summary `dnslint simulate` prints.
package enum SimulationText {
    package static func render(_ report: SimulationReport, htmlPath: String?) -> String {
        var lines: [String] = []
        let inputs = report.inputs
        lines.append("Client: \(inputs.client) (\(inputs.libc), ndots:\(inputs.ndots), search \(inputs.search.joined(separator: " ")))")
        var server = "CoreDNS \(inputs.corednsVersion), from \(inputs.corednsVersionSource); Corefile \(inputs.corefile)"
        server += inputs.autopath ? ", autopath" : ", no autopath"
        if inputs.cacheInFrontOfAutopath { server += " behind cache (cache in front of autopath)" }
        lines.append(server)
        let parameters = report.parameters
        lines.append("Lookups \(parameters.arrivals) for \(Self.seconds(parameters.durationSeconds)); autopath maps "
                     + "\(percent(parameters.autopathMiss)) of lookups to another namespace (pod IP reuse); seed \(parameters.seed)")
        lines.append("")
        for name in report.names {
            let verdict = name.failures == 0 ? "every lookup resolved"
                : "\(name.failures) of \(name.lookups) lookups failed (\(percent(name.failureRate)))"
            lines.append("\(name.name): \(verdict)")
            let outcomes = name.outcomes.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }
            lines.append("  outcomes: \(outcomes.joined(separator: ", "))")
            let queries = name.queriesPerLookup
            lines.append("  queries per lookup: \(queries.min) to \(queries.max), \(String(format: "%.1f", queries.mean)) on average")
            if !name.failureWindows.isEmpty {
                let shown = name.failureWindows.prefix(6).map {
                    "t=\(seconds($0.start))–\(seconds($0.end)) (\($0.failures))"
                }
                let more = name.failureWindows.count > 6 ? " and \(name.failureWindows.count - 6) more" : ""
                lines.append("  failure windows: \(shown.joined(separator: ", "))\(more)")
            }
            for cause in name.causes.prefix(3) {
                lines.append("  \(cause.count)× \(cause.text)")
            }
        }
        if let whatIf = report.whatIf {
            lines.append("")
            lines.append("What if (each remedy alone, same lookups and seed):")
            let width = whatIf.map(\.remedy.rawValue.count).max() ?? 0
            lines.append("  \("as configured".padding(toLength: width, withPad: " ", startingAt: 0))  "
                         + "\(report.failures) of \(report.lookups) failed (\(percent(report.failureRate)))")
            for result in whatIf {
                var line = "  \(result.remedy.rawValue.padding(toLength: width, withPad: " ", startingAt: 0))  "
                line += "\(result.failures) of \(result.lookups) failed (\(percent(result.failureRate))), "
                line += String(format: "%.1f queries per lookup", result.meanQueries)
                if let caveat = result.caveat { line += " — \(caveat)" }
                lines.append(line)
            }
        }
        if let htmlPath {
            lines.append("")
            lines.append("Timeline: \(htmlPath)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

    static func seconds(_ value: Double) -> String {
        if value >= 60, value.truncatingRemainder(dividingBy: 60) == 0 { return "\(Int(value / 60))m" }
        return value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}
