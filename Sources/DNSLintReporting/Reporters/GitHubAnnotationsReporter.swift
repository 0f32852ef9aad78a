import DNSLintModel
/// GitHub Actions workflow commands: `::error file=...,line=...,title=...::message`.
struct GitHubAnnotationsReporter {
    func render(_ report: LintReport) -> String {
        report.findings.map { finding in
            let level = switch finding.severity {
            case .error: "error"
            case .warning: "warning"
            case .note: "notice"
            }
            var properties: [String] = []
            if let location = finding.location {
                properties.append("file=\(escapeProperty(location.path))")
                properties.append("line=\(location.line)")
                properties.append("col=\(location.column)")
            }
            properties.append("title=\(escapeProperty("\(finding.ruleCode) \(finding.ruleName)"))")
            return "::\(level) \(properties.joined(separator: ","))::\(escapeData(finding.message))"
        }.map { $0 + "\n" }.joined()
    }

    private func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
