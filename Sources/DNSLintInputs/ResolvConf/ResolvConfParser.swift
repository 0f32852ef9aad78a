import DNSLintModel
import LDNS
/// A problem found while reading resolv.conf text: becomes a DNS0003 finding.
struct ResolvConfIssue: Sendable {
    var message: String
    var location: SourceLocation
    var severity: Severity?
}

/// Reads resolv.conf text into directive lines, keeping line and column of every word.
/// Both glibc and musl read a directive only when its keyword starts the line and is followed by
/// a blank; anything else is ignored by them and reported here.
struct ResolvConfParser {
    let path: String
    private(set) var lines: [ResolvConfLine] = []
    private(set) var issues: [ResolvConfIssue] = []
    private(set) var placeholders: [String] = []
    private var sawCarriageReturn = false

    init(path: String) { self.path = path }

    static func parse(_ text: String, path: String, maxLineBytes: Int = LintOptions.defaultMaxLineBytes) -> (conf: ResolvConf, issues: [ResolvConfIssue]) {
        var parser = ResolvConfParser(path: path)
        var lineNumber = 0
        for rawLine in TextLines.split(text) {
            lineNumber += 1
            guard rawLine.utf8.count <= maxLineBytes else {
                parser.report("Line \(lineNumber) is \(rawLine.utf8.count) bytes long, more than the limit of \(maxLineBytes) bytes for one line; it was not read.",
                              lineNumber, 1)
                continue
            }
            parser.read(rawLine, number: lineNumber)
        }
        if !parser.placeholders.isEmpty {
            parser.issues.append(ResolvConfIssue(
                message: "The file is a template: placeholders \(TemplatePlaceholders.summary(parser.placeholders)) were not checked.",
                location: SourceLocation(path: path, line: 1), severity: .note))
        }
        return (ResolvConf(path: path, lines: parser.lines), parser.issues)
    }

    private mutating func read(_ rawLine: Substring, number: Int) {
        var line = rawLine
        if line.hasSuffix("\r") {
            line = line.dropLast()
            if !sawCarriageReturn {
                sawCarriageReturn = true
                report("Line \(number) ends with a carriage return (CRLF line ends); glibc reads it as part of the last word, so a nameserver on such a line is ignored and search domains get a stray character.", number, 1, severity: .warning)
            }
        }
        let words = Self.words(of: line)
        guard let first = words.first else { return }
        if first.text.hasPrefix("#") || first.text.hasPrefix(";") { return }
        if first.column > 1 {
            if ResolvConfLine.Keyword(rawValue: first.text) != nil {
                report("\(first.text) is indented, so glibc and musl ignore the line; directives must start at the beginning of the line.", number, first.column)
            } else {
                reportUnknown(first.text, number, first.column)
            }
            return
        }
        guard let keyword = ResolvConfLine.Keyword(rawValue: first.text) else {
            reportUnknown(first.text, number, first.column)
            return
        }
        let values = words.dropFirst().map { word in
            let isPlaceholder = TemplatePlaceholders.contains(word.text)
            if isPlaceholder { placeholders += TemplatePlaceholders.find(in: word.text) }
            return ResolvConfToken(word.text, at: location(number, word.column), isPlaceholder: isPlaceholder)
        }
        let parsed = ResolvConfLine(keyword: keyword, location: location(number, 1), values: values, text: String(rawLine))
        validate(parsed, number: number)
        lines.append(parsed)
    }

    private mutating func validate(_ line: ResolvConfLine, number: Int) {
        let keyword = line.keyword.rawValue
        switch line.keyword {
        case .nameserver:
            guard let address = line.values.first else {
                report("nameserver has no address, so the line is ignored.", number, 1)
                return
            }
            if !address.isPlaceholder, !ResolverAddress.isValid(address.text) {
                report("nameserver \(address.text) is not an IPv4 or IPv6 address, so glibc and musl ignore the line\(Self.addressHint(address.text)).",
                       number, address.location.column)
            }
        case .search, .domain:
            guard !line.values.isEmpty else {
                report("\(keyword) has no domain: glibc ignores the line, musl clears the search list.", number, 1)
                return
            }
            if let comment = line.values.first(where: { $0.text.hasPrefix("#") || $0.text.hasPrefix(";") }) {
                report("\(keyword) line has a comment after its domains; comments only start at the beginning of a line, so glibc and musl search \(comment.text) and the words after it as domains.",
                       number, comment.location.column)
            } else if line.keyword == .domain, line.values.count > 1 {
                report("domain takes one name: glibc uses only \(line.values[0].text), musl searches all \(line.values.count) words.",
                       number, line.values[1].location.column)
            }
        case .options:
            for token in line.values {
                if token.text.hasPrefix("#") || token.text.hasPrefix(";") {
                    report("options line has a comment after its options; comments only start at the beginning of a line, so \(token.text) and the words after it are read as options.",
                           number, token.location.column)
                    return
                }
                let name = ResolverOptions.name(of: token.text)
                guard ResolverOptions.valued.contains(name), !token.isPlaceholder else { continue }
                let value = token.text.dropFirst(name.count)
                // A bare `attempts` is DNS3006's (an option without its value); here only bad values.
                if value.hasPrefix(":"), !ResolverOptions.isPlainNumber(value.dropFirst()) {
                    report("Option \(token.text) needs a whole number, as in \(name):2; glibc reads \(ResolverOptions.atoi(value.dropFirst())) and musl ignores it.",
                           number, token.location.column)
                }
            }
        case .sortlist:
            if line.values.isEmpty {
                report("sortlist has no networks, so the line does nothing.", number, 1)
            }
            for token in line.values where !token.isPlaceholder {
                if token.text.hasPrefix(";") || token.text.hasPrefix("#") { break }
                let parts = token.text.split(whereSeparator: { $0 == "/" || $0 == "&" }).map(String.init)
                if parts.isEmpty || parts.count > 2 || !parts.allSatisfy(Self.isIPv4) {
                    report("sortlist entry \(token.text) is not address[/netmask] in IPv4, so glibc skips it.", number, token.location.column)
                }
            }
        }
    }

    private mutating func reportUnknown(_ word: String, _ number: Int, _ column: Int) {
        let known = ResolvConfLine.Keyword.allCases.map(\.rawValue)
        var hint = ""
        if let suggestion = Spelling.suggestion(for: word, among: known) {
            hint = " (did you mean \(suggestion)?)"
        } else if let prefix = known.first(where: { word.hasPrefix($0) }) {
            hint = " (\(prefix) must be followed by a space or tab)"
        }
        report("\(word) is not a resolv.conf directive\(hint); glibc and musl ignore the line.", number, column)
    }

    private mutating func report(_ message: String, _ line: Int, _ column: Int, severity: Severity? = nil) {
        issues.append(ResolvConfIssue(message: message, location: location(line, column), severity: severity))
    }

    private func location(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    private static func isIPv4(_ text: String) -> Bool {
        ResolverAddress.isValid(text) && !text.contains(":")
    }

    private static func addressHint(_ text: String) -> String {
        // Split keeping empty parts: `nameserver :` has no address before the colon (found by fuzzing; it trapped).
        let beforeColon = text.split(separator: ":", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        if text.filter({ $0 == ":" }).count == 1, ResolverAddress.isValid(beforeColon) {
            return " (resolv.conf has no port syntax; resolvers always use port 53)"
        }
        if text.contains("#") { return " (a port cannot be given with #; resolvers always use port 53)" }
        if !text.contains(where: \.isNumber) { return " (a host name is not allowed here)" }
        return ""
    }

    /// Words separated by spaces and tabs with their 1-based columns, as the libcs split them.
    static func words(of line: Substring) -> [(text: String, column: Int)] {
        var result: [(String, Int)] = []
        var current = ""
        var start = 0
        for (offset, character) in line.enumerated() {
            if character == " " || character == "\t" {
                if !current.isEmpty { result.append((current, start + 1)) }
                current = ""
            } else {
                if current.isEmpty { start = offset }
                current.append(character)
            }
        }
        if !current.isEmpty { result.append((current, start + 1)) }
        return result
    }
}
