import DNSLintModel
/// reviewdog's rdjsonl: one diagnostic object per line.
struct RDJSONLReporter {
    func render(_ report: LintReport) -> String {
        report.findings.map { finding in
            let finding = finding.resolved()
            var members: [(String, JSONValue)] = [
                ("message", .string(finding.message)),
                ("severity", .string(finding.severity == .note ? "INFO" : finding.severity.rawValue.uppercased())),
                ("code", .object([("value", .string(finding.ruleCode)),
                                  ("url", .string("https://github.com/dnslint/dnslint/blob/main/rules/\(finding.ruleCode).md"))])),
            ]
            if let location = finding.location {
                members.insert(("location", .object([
                    ("path", .string(location.path)),
                    ("range", .object([("start", .object([("line", .int(location.line)), ("column", .int(location.column))]))])),
                ])), at: 1)
            }
            return JSONValue.object(members).render(pretty: false) + "\n"
        }.joined()
    }
}
