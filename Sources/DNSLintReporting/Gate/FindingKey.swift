import DNSLintModel

/// A finding's identity across edits, without line numbers: rule, repository-relative path, DNS subject,
/// the text of the line it points at (the record or directive, whitespace folded) and the message without
/// digits. An edit elsewhere in the file moves lines but keeps every key; baselines, `--new-since` and
/// SARIF `partialFingerprints` all use it.
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
        var parts = [finding.ruleCode]
        if let location = finding.location {
            parts.append(path(location.path))
            let line = sources.line(location.line, of: location.path) ?? ""
            parts.append(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ").lowercased())
        }
        if let subject = finding.subject {
            parts += [subject.name.lowercased(), subject.type ?? "", subject.server ?? ""]
        }
        parts.append(String(normalizedMessage(finding).filter { !$0.isNumber }))
        return Self.hash(parts.joined(separator: "\u{1F}"))
    }

    /// The message with the files it names spelled repository-relative: a message that names a ConfigMap as
    /// `../k8s/coredns.yaml` from a subfolder, or from `--new-since`'s scratch copy, keys like the same
    /// finding named from the root.
    private func normalizedMessage(_ finding: Finding) -> String {
        var message = finding.message
        let places = ([finding.location] + finding.related.map(\.location)).compactMap { $0?.path }
        for place in Set(places).sorted(by: { $0.count > $1.count }) {
            let spelled = path(place)
            if spelled != place { message = message.replacingOccurrences(of: place, with: spelled) }
        }
        return message
    }

    /// 64-bit FNV-1a as 16 hex digits: stable on every machine and run (unlike Swift's `Hasher`).
    static func hash(_ text: String) -> String {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
