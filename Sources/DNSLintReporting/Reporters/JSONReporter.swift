import DNSLintModel
import Foundation

/// The stable JSON report, documented by `schemas/dnslint-report.schema.json`.
struct JSONReporter {
    static let formatVersion = 1
    static let chunkSize = 1024
    static let expectedFindingBytes = 1_536
    let context: ReportContext

    /// Streams the findings one by one, written straight as bytes: the whole document never sits in memory.
    func write(_ report: LintReport, to sink: OutputSink) {
        var writer = JSONWriter()
        writer.beginObject()
        writer.field("version", JSONReporter.formatVersion)
        writer.key("tool")
        writer.value(.object([("name", .string("dnslint")), ("version", .string(context.toolVersion))]))
        writer.key("findings")
        writer.beginArray()
        sink.write(bytes: writer.bytes)
        writer.output.removeAll()
        // Chunks render on all cores and are written in order; memory stays at a few chunks.
        let findings = report.findings
        let chunks = chunkRanges(findings.count, parts: max(1, findings.count / JSONReporter.chunkSize))
        let threads = ProcessInfo.processInfo.activeProcessorCount
        // Rendered into buffers sized for a zone's findings (about a kilobyte each), handed to the sink as they
        // are: neither grown from small nor copied on the way out, and the same few used for every group.
        let buffers = (0..<min(threads * 2, chunks.count)).map { index in
            ByteOutput(capacity: chunks[index].count * JSONReporter.expectedFindingBytes)
        }
        for group in stride(from: 0, to: chunks.count, by: threads * 2) {
            let batch = Array(chunks[group..<min(group + threads * 2, chunks.count)])
            let rendered = parallelMap(batch.count, threads: threads) { index -> ByteOutput in
                var chunkWriter = JSONWriter(depth: 2, continuing: batch[index].lowerBound > 0, reusing: buffers[index])
                for item in findings[batch[index]] { finding(item.resolved(), into: &chunkWriter) }
                return chunkWriter.output
            }
            for output in rendered { output.withBytes { sink.write(bytes: $0) } }
        }
        writer.continueAfter(items: findings.count, depth: 2)
        writer.endArray()
        writer.key("corefiles")
        writer.value(.array(report.corefileVersions.map(Self.corefile)))
        writer.key("summary")
        writer.value(summary(report))
        writer.endObject()
        writer.output.append(10)
        sink.write(bytes: writer.bytes)
    }

    private func finding(_ finding: Finding, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("rule", finding.ruleCode)
        writer.field("name", finding.ruleName)
        writer.field("severity", finding.severity.rawValue)
        writer.field("message", finding.message)
        location(finding.location, key: "location", directive: finding.directive, into: &writer)
        subject(finding.subject, into: &writer)
        writer.key("related")
        writer.beginArray()
        for related in finding.related {
            writer.beginObject()
            writer.field("message", related.message)
            location(related.location, key: "location", into: &writer)
            subject(related.subject, into: &writer)
            writer.endObject()
        }
        writer.endArray()
        writer.key("arguments")
        writer.beginObject()
        for argument in finding.arguments {
            writer.key(escaping: argument.key)
            writer.argument(argument.value)
        }
        writer.endObject()
        writer.endObject()
    }

    private func location(_ location: SourceLocation?, key: StaticString, directive: String? = nil, into writer: inout JSONWriter) {
        writer.key(key)
        guard let location else { return writer.null() }
        writer.beginObject()
        writer.key("path")
        writer.repeatedString(location.path)
        writer.field("line", location.line)
        writer.field("column", location.column)
        if let endLine = location.endLine { writer.field("endLine", endLine) }
        if let endColumn = location.endColumn { writer.field("endColumn", endColumn) }
        if let directive { writer.field("directive", directive) }
        if !location.includedFrom.isEmpty {
            writer.key("includedFrom")
            writer.value(.array(location.includedFrom.map { .object([("path", .string($0.path)), ("line", .int($0.line))]) }))
        }
        writer.endObject()
    }

    private func subject(_ subject: DNSSubject?, into writer: inout JSONWriter) {
        writer.key("subject")
        guard let subject else { return writer.null() }
        writer.beginObject()
        writer.field("name", subject.name)
        writer.field("type", subject.type)
        writer.field("server", subject.server)
        writer.endObject()
    }

    /// One Corefile and the CoreDNS release its version-dependent findings were judged against.
    static func corefile(_ entry: CorefileVersionEntry) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("path", .string(entry.location.path)),
            ("line", .int(entry.location.line)),
            ("corednsVersion", entry.judged.version.map { .string($0.description) } ?? .null),
            ("source", .string(entry.judged.sourceKind)),
            ("description", .string(entry.judged.summary)),
        ]
        if case .image(let image, let workload, let location) = entry.judged.source {
            members.append(("image", .object([
                ("reference", .string(image)), ("workload", .string(workload)),
                ("path", .string(location.path)), ("line", .int(location.line)),
            ])))
        }
        return .object(members)
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
