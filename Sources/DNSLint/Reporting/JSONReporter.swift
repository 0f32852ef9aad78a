/// The stable JSON report, documented by `schemas/dnslint-report.schema.json`.
struct JSONReporter {
    static let formatVersion = 1
    let context: ReportContext

    /// Streams the findings one by one: the whole document never sits in memory.
    func write(_ report: LintReport, to sink: OutputSink) {
        var bytes: [UInt8] = []
        let header: JSONValue = .object([("name", .string("dnslint")), ("version", .string(context.toolVersion))])
        bytes += Array("{\n  \"version\": \(JSONReporter.formatVersion),\n  \"tool\": ".utf8)
        header.write(into: &bytes, indent: 1)
        bytes += Array(",\n  \"findings\": [".utf8)
        for (index, item) in report.findings.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONValue.newline(&bytes, 2)
            finding(item).write(into: &bytes, indent: 2)
            if bytes.count > 1 << 16 {
                sink.write(bytes: bytes)
                bytes.removeAll(keepingCapacity: true)
            }
        }
        if !report.findings.isEmpty { JSONValue.newline(&bytes, 1) }
        bytes += Array("],\n  \"summary\": ".utf8)
        summary(report).write(into: &bytes, indent: 1)
        bytes += Array("\n}\n".utf8)
        sink.write(bytes: bytes)
    }

    private func finding(_ finding: Finding) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("rule", .string(finding.ruleCode)),
            ("name", .string(finding.ruleName)),
            ("severity", .string(finding.severity.rawValue)),
            ("message", .string(finding.message)),
            ("location", finding.location.map(location) ?? .null),
            ("subject", finding.subject.map(subject) ?? .null),
            ("related", .array(finding.related.map { related in
                .object([
                    ("message", .string(related.message)),
                    ("location", related.location.map(location) ?? .null),
                    ("subject", related.subject.map(subject) ?? .null),
                ])
            })),
        ]
        members.append(("arguments", .object(finding.arguments.sorted { $0.key < $1.key }.map { ($0.key, $0.value.json) })))
        return .object(members)
    }

    private func location(_ location: SourceLocation) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("path", .string(location.path)), ("line", .int(location.line)), ("column", .int(location.column)),
        ]
        if let endLine = location.endLine { members.append(("endLine", .int(endLine))) }
        if let endColumn = location.endColumn { members.append(("endColumn", .int(endColumn))) }
        if !location.includedFrom.isEmpty {
            members.append(("includedFrom", .array(location.includedFrom.map {
                .object([("path", .string($0.path)), ("line", .int($0.line))])
            })))
        }
        return .object(members)
    }

    private func subject(_ subject: DNSSubject) -> JSONValue {
        .object([
            ("name", .string(subject.name)),
            ("type", subject.type.map(JSONValue.string) ?? .null),
            ("server", subject.server.map(JSONValue.string) ?? .null),
        ])
    }

    private func summary(_ report: LintReport) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("errors", .int(report.count(.error))),
            ("warnings", .int(report.count(.warning))),
            ("notes", .int(report.count(.note))),
            ("files", .int(report.filesChecked)),
        ]
        for (key, value) in report.extraSummary.sorted(by: { $0.key < $1.key }) { members.append((key, value.json)) }
        return .object(members)
    }
}
