import Foundation
import DNSLintModel

/// A self-contained HTML report: the summary and an SVG timeline with the cache state of A and AAAA per
/// query name (bars), the lookups (marks: resolved or failed) and the failure windows (shaded).
package enum SimulationHTML {
    static let colors = ["NOERROR": "#3a9d5d", "NOERROR (CNAME only)": "#e0a526", "NODATA": "#8a8f98", "NXDOMAIN": "#c8423b"]

    package static func render(_ report: SimulationReport) -> String {
        let text = SimulationText.render(report, htmlPath: nil)
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>dnslint simulate</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:24px;color:#1d2330;background:#fff}
            pre{background:#f4f5f7;padding:12px;border-radius:6px;overflow-x:auto}
            .legend span{display:inline-block;margin-right:16px}
            .legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle}
            svg text{font-size:11px;font-family:ui-monospace,monospace}
            </style></head><body>
            <h1>dnslint simulate</h1>
            <p id="subject">\(escape(subject(report)))</p>
            \(legend())
            \(timeline(report))
            <pre id="summary">\(escape(text))</pre>
            </body></html>

            """
    }

    static func subject(_ report: SimulationReport) -> String {
        let names = report.names.map(\.name).joined(separator: ", ")
        return "\(names) from \(report.inputs.client) through CoreDNS \(report.inputs.corednsVersion): "
            + "\(report.failures) of \(report.lookups) lookups failed (\(SimulationText.percent(report.failureRate)))"
    }

    static func legend() -> String {
        let items = colors.sorted { $0.key < $1.key }.map { "<span><i style=\"background:\($0.value)\"></i>\(escape($0.key)) cached</span>" }
        return "<p class=\"legend\">" + items.joined()
            + "<span><i style=\"background:#1d2330\"></i>lookup resolved</span>"
            + "<span><i style=\"background:#c8423b\"></i>lookup failed</span>"
            + "<span><i style=\"background:#fbe3e1\"></i>failure window</span></p>"
    }

    /// One row per (name, type) the cache held, ordered by name; time runs left to right.
    static func timeline(_ report: SimulationReport) -> String {
        let rows = Array(Set(report.cache.map { "\($0.name) \($0.type)" })).sorted()
        let labelWidth = 12.0 + Double(rows.map(\.count).max() ?? 10) * 6.6
        let plotWidth = 900.0, rowHeight = 22.0, top = 30.0
        let lookupRow = top + Double(rows.count) * rowHeight + 8
        let height = lookupRow + 40
        let duration = max(report.parameters.durationSeconds, 1)
        func x(_ time: Double) -> Double { labelWidth + min(max(time, 0), duration) / duration * plotWidth }
        var svg: [String] = []
        svg.append("<svg id=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(labelWidth + plotWidth + 20))\" height=\"\(Int(height))\">")
        for name in report.names {
            for window in name.failureWindows {
                svg.append(rect(x(window.start), top - 6, max(x(window.end) - x(window.start), 2), lookupRow - top + 30,
                                fill: "#fbe3e1", cls: "failure-window", title: "\(window.failures.counted("failed lookup")) from t=\(window.start) s"))
            }
        }
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            svg.append("<text x=\"4\" y=\"\(y + 14)\">\(escape(row))</text>")
            for interval in report.cache where "\(interval.name) \(interval.type)" == row {
                let title = "\(interval.type) \(interval.state)\(interval.viaAutopath ? " (autopath)" : "") t=\(interval.start)–\(interval.end) s"
                svg.append(rect(x(interval.start), y + 3, max(x(interval.end) - x(interval.start), 1), rowHeight - 6,
                                fill: colors[interval.state] ?? "#8a8f98", cls: "cache-entry", title: title))
            }
        }
        svg.append("<text x=\"4\" y=\"\(lookupRow + 14)\">lookups</text>")
        for event in report.events {
            let failed = event.trace.outcome.kind != .resolved
            let title = "t=\(event.time) s \(event.name): \(event.trace.outcome.kind.rawValue), \(event.trace.queries.count.counted("query", "queries"))"
            svg.append(rect(x(event.time) - 1, lookupRow + (failed ? 0 : 8), 2, failed ? 18 : 10,
                            fill: failed ? "#c8423b" : "#1d2330", cls: failed ? "lookup failed" : "lookup", title: title))
        }
        let ticks = stride(from: 0.0, through: duration, by: tickStep(duration))
        for tick in ticks {
            svg.append("<text x=\"\(x(tick) - 8)\" y=\"\(height - 6)\">\(SimulationText.seconds(tick))</text>")
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    static func tickStep(_ duration: Double) -> Double {
        for step in [10.0, 30, 60, 120, 300, 600, 1800, 3600] where duration / step <= 12 { return step }
        return duration / 10
    }

    static func rect(_ x: Double, _ y: Double, _ width: Double, _ height: Double, fill: String, cls: String, title: String) -> String {
        func number(_ value: Double) -> String { String(format: "%.1f", value) }
        return "<rect class=\"\(cls)\" x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(width))\" "
            + "height=\"\(number(height))\" fill=\"\(fill)\"><title>\(escape(title))</title></rect>"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
