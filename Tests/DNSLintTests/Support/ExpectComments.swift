import DNSLint
import Foundation

/// Inline expectations in fixtures: `; @expect DNS1001` (zones) or `# @expect DNS2001` (others) on a
/// line means a finding with that code at that line; a fixture must have no other findings.
enum ExpectComments {
    struct Expectation: Hashable, CustomStringConvertible {
        var path: String
        var line: Int
        var code: String
        var description: String { "\(path):\(line) \(code)" }
    }

    static func expectations(in file: URL, shownAs path: String) -> [Expectation] {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        var result: [Expectation] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let range = line.range(of: "@expect ") else { continue }
            for code in line[range.upperBound...].split(separator: " ") where code.hasPrefix("DNS") {
                result.append(Expectation(path: path, line: index + 1, code: String(code.prefix(7))))
            }
        }
        return result
    }

    static func actual(_ findings: [Finding]) -> [Expectation] {
        findings.compactMap { finding in
            finding.location.map { Expectation(path: $0.path, line: $0.line, code: finding.ruleCode) }
        }
    }
}
