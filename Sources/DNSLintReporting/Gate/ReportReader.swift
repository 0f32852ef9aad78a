import DNSLintModel
import Foundation

/// Reads a JSON report written by `--format json` back into findings, for `dnslint merge`.
package enum ReportReader {
    package static func read(_ path: String) throws(InputError) -> LintReport {
        guard let data = FileManager.default.contents(atPath: path) else { throw InputError("\(path): cannot read the report") }
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: data) } catch {
            throw InputError("\(path): not a dnslint JSON report (\(Self.describe(error)))")
        }
        guard file.version == 1 else { throw InputError("\(path): report version \(file.version), expected 1") }
        var extra = file.summary
        var files = 0
        if case .int(let count) = extra["files"] { files = count }
        for counted in ["errors", "warnings", "notes", "files"] { extra[counted] = nil }
        var report = LintReport(findings: file.findings.map(\.finding), filesChecked: files, extraSummary: extra)
        report.corefileVersions = (file.corefiles ?? []).map(\.entry)
        return report
    }

    private static func describe(_ error: any Error) -> String {
        if case DecodingError.keyNotFound(let key, _) = error { return "missing \"\(key.stringValue)\"" }
        if case DecodingError.dataCorrupted(let context) = error { return context.debugDescription }
        if case DecodingError.typeMismatch(_, let context) = error {
            return context.codingPath.map(\.stringValue).joined(separator: ".") + ": " + context.debugDescription
        }
        return "\(error)"
    }

    private struct File: Decodable {
        var version: Int
        var findings: [FindingRecord]
        /// Absent in reports of releases before the list existed.
        var corefiles: [CorefileRecord]?
        var summary: [String: ArgumentValue]
    }

    private struct ImageRecord: Decodable {
        var reference: String
        var workload: String
        var path: String
        var line: Int
    }

    private struct CorefileRecord: Decodable {
        var path: String
        var line: Int
        var corednsVersion: String?
        var source: String
        var description: String
        var image: ImageRecord?

        var entry: CorefileVersionEntry {
            let version = corednsVersion.flatMap(CoreDNSVersion.init)
            let judged: JudgedCoreDNSVersion = switch (source, image) {
            case ("image", let image?):
                JudgedCoreDNSVersion(version: version, source: .image(image: image.reference, workload: image.workload,
                                                                      location: SourceLocation(path: image.path, line: image.line)))
            case ("config", _):
                JudgedCoreDNSVersion(version: version, source: .option(configFile: description.components(separatedBy: "coredns-version in ").last))
            case ("flag", _): JudgedCoreDNSVersion(version: version, source: .option(configFile: nil))
            default: .unknown
            }
            return CorefileVersionEntry(location: SourceLocation(path: path, line: line), judged: judged)
        }
    }

    private struct Place: Decodable {
        var path: String
        var line: Int
        var column: Int
        var endLine: Int?
        var endColumn: Int?
        var directive: String?
        var includedFrom: [IncludeSite]?

        var location: SourceLocation {
            SourceLocation(path: path, line: line, column: column, endLine: endLine, endColumn: endColumn,
                           includedFrom: includedFrom ?? [])
        }
    }

    private struct RelatedRecord: Decodable {
        var message: String
        var location: Place?
        var subject: DNSSubject?
    }

    private struct FindingRecord: Decodable {
        var rule: String
        var name: String
        var severity: Severity
        var message: String
        var location: Place?
        var subject: DNSSubject?
        var related: [RelatedRecord]
        var arguments: [String: ArgumentValue]

        var finding: Finding {
            var finding = Finding(ruleCode: rule, ruleName: name, severity: severity, message: message, location: location?.location,
                                  subject: subject, related: related.map { RelatedLocation(message: $0.message, location: $0.location?.location, subject: $0.subject) },
                                  arguments: FindingArguments(arguments))
            finding.directive = location?.directive
            return finding
        }
    }
}
