import LDNS
/// One word of a Corefile as CoreDNS' Caddyfile lexer sees it, with where it starts.
package struct CorefileToken: Sendable {
    package init(text: String, line: Int, column: Int, endLine: Int, quoted: Bool, source: Int) {
        self.text = text
        self.line = line
        self.column = column
        self.endLine = endLine
        self.quoted = quoted
        self.source = source
    }

    package var text: String
    package var line: Int
    package var column: Int
    /// The line the token ends on (a quoted token may span lines).
    var endLine: Int
    package var quoted: Bool
    /// Index into the parser's sources: which file (or embedded text) the token came from.
    package var source: Int
    /// A '}' the parser inserted where indentation shows a block should have closed (the missing brace was
    /// reported at the block's opening line); it closes the block silently.
    package var synthetic = false

    /// Only unquoted braces open and close blocks.
    package var isOpenBrace: Bool { !quoted && text == "{" }
    package var isCloseBrace: Bool { !quoted && text == "}" }
    package var isImport: Bool { !quoted && text == "import" }

    /// Whether `next` starts a new line after this token (tokens from different files always do).
    package func endsLine(before next: CorefileToken) -> Bool {
        next.source != source || endLine < next.line
    }
}

/// A file (or embedded text) tokens came from, and how its positions map to what findings show.
package struct CorefileSource: Sendable {
    package init(path: String, includedFrom: [IncludeSite], lineMap: [Int]? = nil, columnOffset: Int, directory: String? = nil, displayDirectory: String? = nil) {
        self.path = path
        self.includedFrom = includedFrom
        self.lineMap = lineMap
        self.columnOffset = columnOffset
        self.directory = directory
        self.displayDirectory = displayDirectory
    }

    package var path: String
    package var includedFrom: [IncludeSite]
    /// For a Corefile embedded in another file: host line of each text line, and the added indentation.
    package var lineMap: [Int]?
    var columnOffset: Int
    /// Folder used to resolve relative imports; nil when imports cannot be followed (embedded text).
    package var directory: String?
    package var displayDirectory: String?

    package func location(line: Int, column: Int) -> SourceLocation {
        var hostLine = line
        if let lineMap, !lineMap.isEmpty {
            hostLine = line - 1 < lineMap.count ? lineMap[max(0, line - 1)] : lineMap[lineMap.count - 1]
        }
        return SourceLocation(path: path, line: hostLine, column: column + (lineMap == nil ? 0 : columnOffset),
                              includedFrom: includedFrom)
    }
}
