import DNSLintModel
import Foundation

/// Something wrong with an inline suppression, reported by the engine as a DNS0006 finding at the comment.
package struct SuppressionProblem: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        /// Rules the suppression names that had no finding where it applies.
        case unused(codes: [String])
        /// No ` -- reason`: the suppression is not applied until it has one.
        case missingReason
        /// Words that are not a rule code, name or alias.
        case unknownRules([String])
        /// `dnslint:` followed by something other than disable-next-line or disable-file.
        case unknownDirective(String)
        /// A directive that names no rule.
        case noRules
    }

    package var kind: Kind
    package var suppression: InlineSuppression
}

/// Applies the `dnslint:` comments of the files a run read to its findings: a finding whose rule a
/// suppression names is dropped when it is on the suppression's target line (`disable-next-line`) or
/// anywhere in its file (`disable-file`). Only a finding's primary location counts.
package struct InlineSuppressions: Sendable {
    /// By absolute path.
    private var byFile: [String: [InlineSuppression]] = [:]
    private let workingDirectory: String

    /// Reads each file once, through the reader `open` gives for its absolute path (nil: not read), keeping
    /// lines to their first `keep` bytes; see `InlineSuppressionParser.parse(_:path:keep:rules:)`.
    package init(files: [String], rules: [RuleMetadata], workingDirectory: String = FileManager.default.currentDirectoryPath,
                 keep: Int, open: (String) -> LineReader?) {
        self.workingDirectory = workingDirectory
        for path in files {
            let absolute = PolicyRoot.absolute(path, in: workingDirectory)
            guard byFile[absolute] == nil else { continue }
            byFile[absolute] = open(absolute).map { InlineSuppressionParser.parse($0, path: path, keep: keep, rules: rules) } ?? []
        }
    }

    package var isEmpty: Bool { byFile.values.allSatisfy(\.isEmpty) }

    /// Drops suppressed findings and returns what is wrong with the suppressions. Rules in `notRun` (turned
    /// off for the run) and `selfCode` (DNS0006 itself) are never called unused; with `reportUnused` false
    /// (a run cut short) no suppression is, since the finding it expects may simply not have been computed.
    package func apply(to findings: inout [Finding], notRun: Set<String>, selfCode: String,
                       reportUnused: Bool = true) -> [SuppressionProblem] {
        guard !isEmpty else { return [] }
        var used: [String: [Set<String>]] = byFile.mapValues { Array(repeating: [], count: $0.count) }
        var absolutePaths: [String: String] = [:]
        findings.removeAll { finding in
            guard let location = finding.location else { return false }
            let absolute = absolutePaths[location.path] ?? PolicyRoot.absolute(location.path, in: workingDirectory)
            absolutePaths[location.path] = absolute
            guard let suppressions = byFile[absolute], !suppressions.isEmpty else { return false }
            var dropped = false
            for (index, suppression) in suppressions.enumerated()
            where suppression.covers(code: finding.ruleCode, line: location.line) {
                used[absolute]![index].insert(finding.ruleCode)
                dropped = true
            }
            return dropped
        }
        var problems: [SuppressionProblem] = []
        for (absolute, suppressions) in byFile.sorted(by: { $0.key < $1.key }) {
            for (index, suppression) in suppressions.enumerated() {
                problems += Self.problems(of: suppression, used: used[absolute]![index], notRun: notRun.union([selfCode]),
                                          reportUnused: reportUnused)
            }
        }
        // A problem in a file, or on a line, where DNS0006 itself is suppressed is not reported; a
        // `disable-next-line DNS0006` also reaches the comment line right below it.
        return problems.filter { problem in
            let location = problem.suppression.location
            let absolute = PolicyRoot.absolute(location.path, in: workingDirectory)
            return !(byFile[absolute] ?? []).contains { other in
                other.covers(code: selfCode, line: location.line)
                    || (other.covers(code: selfCode, line: other.location.line + 1) == false && other.hasReason
                        && other.codes.contains(selfCode) && other.location.line + 1 == location.line)
            }
        }
    }

    private static func problems(of suppression: InlineSuppression, used: Set<String>, notRun: Set<String>,
                                 reportUnused: Bool) -> [SuppressionProblem] {
        guard suppression.scope != nil else { return [SuppressionProblem(kind: .unknownDirective(suppression.directive), suppression: suppression)] }
        var problems: [SuppressionProblem] = []
        if !suppression.unknownKeys.isEmpty {
            problems.append(SuppressionProblem(kind: .unknownRules(suppression.unknownKeys), suppression: suppression))
        }
        if suppression.codes.isEmpty, suppression.unknownKeys.isEmpty {
            return [SuppressionProblem(kind: .noRules, suppression: suppression)]
        }
        if !suppression.hasReason, !suppression.codes.isEmpty {
            problems.append(SuppressionProblem(kind: .missingReason, suppression: suppression))
        } else if reportUnused {
            let unused = suppression.codes.filter { !used.contains($0) && !notRun.contains($0) }
            if !unused.isEmpty { problems.append(SuppressionProblem(kind: .unused(codes: unused), suppression: suppression)) }
        }
        return problems
    }
}
