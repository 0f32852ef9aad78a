import DNSLintModel
/// Compiler-style diagnostics: `path:line:col: severity: message [DNS1001 name]`, the line, a caret.
struct TextReporter {
    let context: ReportContext

    func render(_ report: LintReport) -> String {
        let sources = SourceLines(maxFileBytes: report.maxFileBytes)
        var out = ""
        for finding in report.findings {
            let finding = finding.resolved()
            out += headline(finding) + "\n"
            // A file that is no zone, or one reached outside the zone's folder, is never quoted (the message
            // says what is wrong with it); any other line is shown as a bounded excerpt.
            if let location = finding.location, !report.unquotedFiles.contains(location.path),
               let shown = sources.shownLine(location.line, of: location.path) {
                out += "  \(shown)\n"
                let caretColumn = max(1, min(location.column, shown.count + 1))
                out += "  " + String(repeating: " ", count: caretColumn - 1) + paint("^", .green) + "\n"
            }
            for site in finding.location?.includedFrom.reversed() ?? [] {
                out += "  included from \(site.path):\(site.line)\n"
            }
            for related in finding.related {
                let place = related.location.map { "\($0.path):\($0.line): " } ?? ""
                out += "  \(paint("note", .cyan)): \(place)\(related.message)\n"
            }
        }
        out += table(report)
        out += versions(report)
        out += summary(report) + "\n"
        return out
    }

    /// The CoreDNS release each Corefile was judged against and where it came from, grouped when they share it.
    private func versions(_ report: LintReport) -> String {
        guard !report.corefileVersions.isEmpty else { return "" }
        var groups: [(judged: JudgedCoreDNSVersion, places: [String])] = []
        for entry in report.corefileVersions {
            let place = "\(entry.location.path):\(entry.location.line)"
            if let index = groups.firstIndex(where: { $0.judged == entry.judged }) {
                groups[index].places.append(place)
            } else {
                groups.append((entry.judged, [place]))
            }
        }
        var out = report.findings.count > 1 ? "" : "\n"
        for group in groups {
            let shown = group.places.prefix(3).joined(separator: ", ")
            let more = group.places.count > 3 ? " and \(group.places.count - 3) more" : ""
            let corefiles = group.places.count == 1 ? "Corefile \(shown)" : "\(group.places.count) Corefiles (\(shown)\(more))"
            out += "\(corefiles): \(group.judged.summary).\n"
        }
        return out
    }

    /// Counts by rule, worst first, so a long report ends with the shape of the problem.
    private func table(_ report: LintReport) -> String {
        guard report.findings.count > 1 else { return "" }
        var counts: [String: (name: String, severity: Severity, count: Int)] = [:]
        for finding in report.findings {
            let entry = counts[finding.ruleCode] ?? (finding.ruleName, finding.severity, 0)
            counts[finding.ruleCode] = (entry.name, max(entry.severity, finding.severity), entry.count + 1)
        }
        let rows = counts.sorted { left, right in
            if left.value.severity != right.value.severity { return left.value.severity > right.value.severity }
            if left.value.count != right.value.count { return left.value.count > right.value.count }
            return left.key < right.key
        }
        let width = rows.map { $0.key.count + 1 + $0.value.name.count }.max() ?? 0
        var out = "\n"
        for (code, entry) in rows {
            let label = "\(code) \(entry.name)"
            out += "  " + label + String(repeating: " ", count: width - label.count)
                + "  \(entry.count) \(entry.severity.rawValue)\(entry.count == 1 ? "" : "s")\n"
        }
        return out
    }

    private func headline(_ finding: Finding) -> String {
        let place: String
        if let location = finding.location {
            place = "\(location.path):\(location.line):\(location.column): "
        } else if let subject = finding.subject {
            place = "\(subject.name)\(subject.type.map { "/\($0)" } ?? "")\(subject.server.map { " @\($0)" } ?? ""): "
        } else {
            place = ""
        }
        let severity = switch finding.severity {
        case .error: paint("error", .red)
        case .warning: paint("warning", .yellow)
        case .note: paint("note", .cyan)
        }
        return "\(paint(place, .bold))\(severity): \(finding.message) [\(finding.ruleCode) \(finding.ruleName)]"
    }

    private func summary(_ report: LintReport) -> String {
        let counts = [(report.count(.error), "error"), (report.count(.warning), "warning"), (report.count(.note), "note")]
        let parts = counts.map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }
        var files = "\(report.filesChecked) file\(report.filesChecked == 1 ? "" : "s") checked"
        if case .int(let names) = report.extraSummary["names"] { files += ", \(names) name\(names == 1 ? "" : "s") audited" }
        if case .int(let accepted) = report.extraSummary["baselined"], accepted > 0 { files += ", \(accepted) accepted by the baseline" }
        if let seconds = report.elapsedSeconds { files += " in " + String(format: "%.2f s", seconds) }
        return report.findings.isEmpty ? "No problems found; \(files)." : parts.joined(separator: ", ") + "; \(files)."
    }

    private enum Color: String {
        case red = "31", yellow = "33", green = "32", cyan = "36", bold = "1"
    }

    private func paint(_ text: String, _ color: Color) -> String {
        context.color && !text.isEmpty ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }
}
