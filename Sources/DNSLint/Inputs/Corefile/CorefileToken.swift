/// One word of a Corefile as CoreDNS' Caddyfile lexer sees it, with where it starts.
struct CorefileToken: Sendable {
    var text: String
    var line: Int
    var column: Int
    /// The line the token ends on (a quoted token may span lines).
    var endLine: Int
    var quoted: Bool
    /// Index into the parser's sources: which file (or embedded text) the token came from.
    var source: Int

    /// Only unquoted braces open and close blocks.
    var isOpenBrace: Bool { !quoted && text == "{" }
    var isCloseBrace: Bool { !quoted && text == "}" }
    var isImport: Bool { !quoted && text == "import" }

    /// Whether `next` starts a new line after this token (tokens from different files always do).
    func endsLine(before next: CorefileToken) -> Bool {
        next.source != source || endLine < next.line
    }
}

/// A file (or embedded text) tokens came from, and how its positions map to what findings show.
struct CorefileSource: Sendable {
    var path: String
    var includedFrom: [IncludeSite]
    /// For a Corefile embedded in another file: host line of each text line, and the added indentation.
    var lineMap: [Int]?
    var columnOffset: Int
    /// Folder used to resolve relative imports; nil when imports cannot be followed (embedded text).
    var directory: String?
    var displayDirectory: String?

    func location(line: Int, column: Int) -> SourceLocation {
        var hostLine = line
        if let lineMap, !lineMap.isEmpty {
            hostLine = line - 1 < lineMap.count ? lineMap[max(0, line - 1)] : lineMap[lineMap.count - 1]
        }
        return SourceLocation(path: path, line: hostLine, column: column + (lineMap == nil ? 0 : columnOffset),
                              includedFrom: includedFrom)
    }
}
