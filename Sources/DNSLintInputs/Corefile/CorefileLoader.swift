import DNSLintModel
import LDNS
import Foundation

/// Reads CoreDNS Corefiles (and Corefiles embedded in ConfigMaps) into `Corefile` models;
/// reading problems become DNS0002 (syntax), DNS0008 (templates) and DNS0005 (imports) findings.
package struct CorefileLoader: InputLoader {
    package init() {}
    package var kind: InputKind { .corefile }

    package func recognize(_ file: InputFile) -> Recognition {
        let name = file.fileName.lowercased()
        if name == "corefile" || name.hasSuffix(".corefile") { return .byName }
        if name.hasPrefix("corefile."), ![".yaml", ".yml", ".json"].contains(where: name.hasSuffix) { return .byName }
        return Self.looksLikeCorefile(file.headText) ? .byContent : .no
    }

    /// A server block opening (`.:53 {`, `example.org {`) followed by a known plugin line, and
    /// nothing that marks YAML or a zone file.
    static func looksLikeCorefile(_ text: String) -> Bool {
        if text.contains("apiVersion:") || text.contains("$ORIGIN") || text.contains("$TTL") { return false }
        let lines = TextLines.split(text).map { $0.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "" }
        guard lines.contains(where: { $0.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("{") }) else { return false }
        return lines.contains { line in
            guard let word = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).first else { return false }
            return CoreDNSPlugins.isInTree(String(word))
        }
    }

    package func load(_ file: InputFile, options: LintOptions) throws(InputError) -> LoadResult {
        let data: [UInt8]
        switch RegularFile.read(file.url.path, limit: options.maxFileBytes) {
        case .success(let bytes): data = bytes
        case .failure(let failure): return LoadResult(issues: [.unreadable(path: file.path, reason: failure.reason)])
        }
        let directory = file.url.deletingLastPathComponent().path
        let shownDirectory = (file.path as NSString).deletingLastPathComponent
        let source = CorefileSource(path: file.path, includedFrom: [], lineMap: nil, columnOffset: 0,
                                    directory: directory, displayDirectory: shownDirectory)
        let policy = CorefileParser.ImportPolicy(followFiles: true, allowOutside: options.allowIncludeOutside,
                                                 maxFileBytes: options.maxFileBytes)
        return Self.result(CorefileParser.parse(data, source: source, policy: policy, maxLineBytes: options.maxLineBytes))
    }

    /// Parses a Corefile embedded in another file (a ConfigMap's `data.Corefile`).
    /// `lineMap[i]` is the line of the host file that holds line i+1 of `text`; `columnOffset` is the
    /// indentation the host file adds. Locations in the result point into `path`.
    package func loadEmbedded(text: String, path: String, lineMap: [Int], columnOffset: Int, options: LintOptions) -> LoadResult {
        let source = CorefileSource(path: path, includedFrom: [], lineMap: lineMap, columnOffset: columnOffset,
                                    directory: nil, displayDirectory: nil)
        let policy = CorefileParser.ImportPolicy(followFiles: false, allowOutside: false)
        return Self.result(CorefileParser.parse(Array(text.utf8), source: source, policy: policy, maxLineBytes: options.maxLineBytes))
    }

    static func result(_ parsed: (corefile: Corefile, issues: [CorefileIssue])) -> LoadResult {
        let issues = parsed.issues.map { issue in
            switch issue.kind {
            case .syntax:
                InputIssue(.corefileSyntax, issue.message, at: issue.location, severity: issue.severity,
                           arguments: issue.arguments)
            case .template:
                InputIssue(.corefileTemplate, issue.message, at: issue.location, severity: issue.severity,
                           arguments: issue.arguments)
            case .unreadable:
                InputIssue(.unreadable, issue.message, at: issue.location, severity: issue.severity)
            }
        }
        return LoadResult(inputs: [parsed.corefile], issues: issues)
    }
}
