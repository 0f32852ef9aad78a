@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting
import Foundation

/// Inline expectations in fixtures: `; @expect DNS1001` (zones) or `# @expect DNS2001` (others) on a
/// line means a finding with that code at that line; a fixture must have no other findings.
enum ExpectComments {
    struct Expectation: Hashable, Comparable, CustomStringConvertible {
        var path: String
        var line: Int
        var code: String
        var description: String { "\(path):\(line) \(code)" }

        static func < (lhs: Expectation, rhs: Expectation) -> Bool {
            (lhs.path, lhs.line, lhs.code) < (rhs.path, rhs.line, rhs.code)
        }
    }

    /// An `@expect` at the end of a line is about that line; on a comment line of its own (resolv.conf,
    /// where a trailing `#` would be one more search domain) it is about the next line that is not a comment,
    /// or the next `dnslint:` suppression comment.
    static func expectations(in file: URL, shownAs path: String) -> [Expectation] {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        var result: [Expectation] = []
        var pending: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let codes = line.range(of: "@expect ").map { range in
                line[range.upperBound...].split(separator: " ").filter { $0.hasPrefix("DNS") }.map { String($0.prefix(7)) }
            } ?? []
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            // A `dnslint:` suppression is a comment that can carry a finding (DNS0006) of its own.
            let isSuppression = trimmed.drop { $0 == "#" || $0 == ";" || $0 == " " }.hasPrefix("dnslint:")
            if trimmed.hasPrefix("#") || trimmed.hasPrefix(";"), !isSuppression {
                pending += codes
                continue
            }
            result += (pending + codes).map { Expectation(path: path, line: index + 1, code: $0) }
            pending = []
        }
        return result
    }

    static func actual(_ findings: [Finding]) -> [Expectation] {
        findings.compactMap { finding in
            finding.location.map { Expectation(path: $0.path, line: $0.line, code: finding.ruleCode) }
        }
    }
}
