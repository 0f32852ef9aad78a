import DNSLintModel
import Foundation

/// Findings accepted as they are (`--write-baseline`), so a gate reports only new ones (`--baseline`).
/// Entries are keyed without line numbers (`FindingKeys`) and counted: two equal findings in the baseline
/// accept two, a third is new.
package struct Baseline: Sendable {
    package static let formatName = "dnslint-baseline"
    /// 2: keys without the message (`FindingKeys`). A version 1 file's keys can match nothing now.
    package static let formatVersion = 2

    package struct Entry: Codable, Sendable, Hashable {
        package var key: String
        package var rule: String
        package var path: String?
        package var subject: String?
        package var message: String
    }

    package var entries: [Entry]

    package init(findings: [Finding], keys: FindingKeys) {
        entries = findings.map { finding in
            let finding = finding.resolved()
            return Entry(key: keys.key(finding), rule: finding.ruleCode, path: finding.location.map { keys.path($0.path) },
                  subject: finding.subject.map { $0.name + ($0.type.map { "/\($0)" } ?? "") }, message: finding.message)
        }.sorted { ($0.key, $0.message) < ($1.key, $1.message) }
    }

    private struct File: Codable {
        var format: String
        var version: Int
        var findings: [Entry]
    }

    package init(contentsOf path: String) throws(InputError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError("\(path): cannot read the baseline")
        }
        guard let file = try? JSONDecoder().decode(File.self, from: data), file.format == Self.formatName else {
            throw InputError("\(path): not a dnslint baseline (write one with --write-baseline)")
        }
        guard file.version == Self.formatVersion else {
            throw InputError("\(path): a version \(file.version) baseline, whose keys this dnslint does not use; write it again with --write-baseline")
        }
        entries = file.findings
    }

    /// Writes the baseline atomically: a killed run never leaves half a baseline.
    package func write(to path: String) throws(InputError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do { data = try encoder.encode(File(format: Self.formatName, version: Self.formatVersion, findings: entries)) } catch {
            throw InputError("\(path): cannot encode the baseline")
        }
        try AtomicFile.write(data + Data("\n".utf8), to: path)
    }

    /// The findings the baseline does not account for, and how many it did.
    package func newFindings(in findings: [Finding], keys: FindingKeys) -> (new: [Finding], accepted: Int) {
        var remaining: [String: Int] = [:]
        for entry in entries { remaining[entry.key, default: 0] += 1 }
        var kept: [Finding] = []
        var accepted = 0
        for finding in findings {
            let key = keys.key(finding.resolved())
            if let count = remaining[key], count > 0 {
                remaining[key] = count - 1
                accepted += 1
            } else {
                kept.append(finding)
            }
        }
        return (kept, accepted)
    }
}
