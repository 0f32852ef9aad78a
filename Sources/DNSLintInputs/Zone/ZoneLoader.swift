import DNSLintModel
import Foundation
import LDNS

/// Reads BIND-format zone files into a `ZoneIndex`; reading problems become DNS0001/DNS0005 findings.
package struct ZoneLoader: InputLoader {
    package init() {}
    package var kind: InputKind { .zone }

    package func recognize(_ file: InputFile) -> Recognition {
        let name = file.fileName.lowercased()
        if name.hasSuffix(".zone") || name.hasPrefix("db.") || name.hasSuffix(".db") { return .byName }
        // The head may end mid-line: judge only its whole lines.
        var text = file.headText
        if file.head.count >= InputFile.headSize, let lastBreak = text.lastIndex(of: "\n") { text = String(text[..<lastBreak]) }
        return ZoneSniffer.looksLikeZone(text) ? .byContent : .no
    }

    package func load(_ file: InputFile, options: LintOptions) throws(InputError) -> LoadResult {
        let origin = try ZoneOrigin.find(for: file, options: options)
        var reader = ZoneReader(rootURL: file.url, options: options)
        reader.read(path: file.path, url: file.url, origin: origin.text)
        let index = ZoneIndex(path: file.path, origin: origin, builder: reader.takeBuilder(), maxCNAMEHops: options.maxCNAMEHops)
        let issues = reader.issues.map { issue in
            InputIssue(issue.kind == .syntax ? .zoneSyntax : .unreadable, issue.message, at: issue.location)
        }
        return LoadResult(inputs: [index], views: [index], issues: issues, unquotedFiles: reader.unquotedFiles)
    }
}

/// Where a zone's origin comes from, in order: `--origin`, a leading `$ORIGIN`, an absolute SOA owner
/// on the first record, the file name (`example.com.zone`, `db.example.com`, `example.com.db`).
enum ZoneOrigin {
    static func find(for file: InputFile, options: LintOptions) throws(InputError) -> DNSName {
        if let given = options.origin {
            guard DNSName(given).wire != nil else { throw InputError("--origin \(given) is not a valid domain name") }
            return DNSName(given)
        }
        if let fromText = fromContent(file.headText) { return fromText }
        if let fromName = fromFileName(file.fileName) { return fromName }
        throw InputError("\(file.path): cannot tell the zone's origin; add $ORIGIN to the file, name it like example.com.zone, give its origin in .dnslint.yml, or pass --origin")
    }

    static func fromContent(_ text: String) -> DNSName? {
        var declared: DNSName?
        for rawLine in TextLines.split(text).lazy.filter({ !$0.isEmpty }).prefix(200) {
            let line = rawLine.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard let first = words.first else { continue }
            if first.uppercased() == "$ORIGIN", words.count > 1 {
                declared = DNSName(String(words[1]), origin: declared)
                continue
            }
            if first.hasPrefix("$") || first == "(" || first == ")" { continue }
            // The first record decides: the owner of a leading SOA names the zone (`$ORIGIN .` then `example SOA`).
            let startsWithOwner = !line.hasPrefix(" ") && !line.hasPrefix("\t")
            if startsWithOwner, words.dropFirst().prefix(3).contains(where: { $0.uppercased() == "SOA" }),
               first != "@" || declared != nil {
                if first == "@" { return declared }
                if first.hasSuffix(".") || declared != nil { return DNSName(String(first), origin: declared) }
            }
            return declared
        }
        return declared
    }

    static func fromFileName(_ fileName: String) -> DNSName? {
        var stem = fileName
        for suffix in [".zone", ".db", ".signed"] where stem.lowercased().hasSuffix(suffix) {
            stem = String(stem.dropLast(suffix.count))
        }
        if stem.lowercased().hasPrefix("db.") { stem = String(stem.dropFirst(3)) }
        if stem.hasSuffix(".") { stem = String(stem.dropLast()) }
        guard stem != fileName || fileName.lowercased().hasPrefix("db."), !stem.isEmpty else { return nil }
        let labels = stem.split(separator: ".", omittingEmptySubsequences: false)
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_")
        guard labels.allSatisfy({ !$0.isEmpty && $0.count <= 63 && $0.lowercased().allSatisfy(allowed.contains) }) else { return nil }
        return DNSName(stem + ".")
    }
}
