import DNSLintModel
import LDNS
import Foundation

/// Reads resolv.conf files into a `ResolvConf`; lines no resolver accepts become DNS0003 findings.
package struct ResolvConfLoader: InputLoader {
    package init() {}
    package var kind: InputKind { .resolvConf }

    package func recognize(_ file: InputFile) -> Recognition {
        let name = file.fileName.lowercased()
        if name == "resolv.conf" || name.hasSuffix(".resolv.conf") || name.hasPrefix("resolv.conf") { return .byName }
        return Self.looksLikeResolvConf(file.headText) ? .byContent : .no
    }

    package func load(_ file: InputFile, options: LintOptions) throws(InputError) -> LoadResult {
        let data: [UInt8]
        switch RegularFile.read(file.url.path, limit: options.maxFileBytes) {
        case .success(let bytes): data = bytes
        case .failure(let failure): return LoadResult(issues: [.unreadable(path: file.path, reason: failure.reason)])
        }
        let text = String(decoding: data, as: UTF8.self)
        let (conf, issues) = ResolvConfParser.parse(text, path: file.path, maxLineBytes: options.maxLineBytes)
        let found = issues.map { InputIssue(.resolvConfSyntax, $0.message, at: $0.location, severity: $0.severity) }
        return LoadResult(inputs: [conf], issues: found)
    }

    /// Every directive-looking line starts with a resolv.conf keyword and at least one is a nameserver,
    /// search or options line: zone files and Corefiles never look like that.
    static func looksLikeResolvConf(_ text: String) -> Bool {
        var directives = 0
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).prefix(100) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let first = words.first, !first.hasPrefix("#"), !first.hasPrefix(";") else { continue }
            guard let keyword = ResolvConfLine.Keyword(rawValue: String(first)), line.first == first.first else { return false }
            if keyword != .sortlist { directives += 1 }
        }
        return directives > 0
    }
}
