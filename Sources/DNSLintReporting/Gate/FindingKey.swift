import DNSLintModel

/// A finding's identity across edits, from what it is about and never from line numbers or message text:
/// - a live answer: rule, name, type, server;
/// - a place in a file: rule, repository-relative path, the Corefile directive path when the line holds one
///   (`.:53 > forward`), else the line's text (the record or directive, comment dropped, white space folded,
///   lower case), and the DNS name and type it is about;
/// - anything else: rule, name, type.
/// Edits elsewhere (lines moving, another file changing what a message lists) keep every key. Different
/// findings may share a key (two rules' worth on one line are told apart by rule, but one rule's two findings
/// on one record are not); baselines count keys, so N equal keys accept N findings and no more.
/// Baselines, `--new-since` and SARIF `partialFingerprints` all use it.
package final class FindingKeys {
    private let root: RepositoryRoot
    private let sources: SourceLines

    /// Lines are read back only from regular files of at most `maxFileBytes` (the run's cap).
    package init(root: RepositoryRoot, maxFileBytes: Int = LintOptions.defaultMaxFileBytes) {
        self.root = root
        sources = SourceLines(maxFileBytes: maxFileBytes)
    }

    /// The path as keys and SARIF spell it: repository-relative when inside the repository.
    package func path(_ file: String) -> String {
        root.relative(file) ?? file
    }

    package func key(_ finding: Finding) -> String {
        Self.hash(parts(finding).joined(separator: "\u{1F}"))
    }

    /// The fields hashed into the key, tagged by kind so that keys of different kinds cannot meet.
    func parts(_ finding: Finding) -> [String] {
        let name = finding.subject.map { $0.name.lowercased() } ?? ""
        let type = finding.subject?.type?.uppercased() ?? ""
        if let server = finding.subject?.server {
            return ["live", finding.ruleCode, name, type, server.lowercased()]
        }
        if let location = finding.location {
            let anchor = finding.directive.map { "directive " + $0 }
                ?? "line " + Self.normalized(sources.line(location.line, of: location.path) ?? "")
            return ["file", finding.ruleCode, path(location.path), anchor, name, type]
        }
        return ["other", finding.ruleCode, name, type]
    }

    /// A record or directive line as its content: without a `;` or `#` comment (outside quotes), white space
    /// folded, lower case.
    static func normalized(_ line: String) -> String {
        var kept = ""
        var quoted = false
        var previous: Character = " "
        for character in line {
            if character == "\"", previous != "\\" { quoted.toggle() }
            if !quoted, character == ";" || (character == "#" && (previous == " " || previous == "\t" || kept.isEmpty)) { break }
            kept.append(character)
            previous = character
        }
        return kept.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ").lowercased()
    }

    /// 64-bit FNV-1a as 16 hex digits: stable on every machine and run (unlike Swift's `Hasher`).
    static func hash(_ text: String) -> String {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
