import LDNS
/// A place in an input file. `path` is the path as the user gave it (or as reached from it).
package struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    package var path: String
    package var line: Int
    package var column: Int
    package var endLine: Int?
    package var endColumn: Int?
    /// For a file reached through `$INCLUDE` or `import`: where it was included from, outermost first.
    package var includedFrom: [IncludeSite]

    package init(path: String, line: Int, column: Int = 1, endLine: Int? = nil, endColumn: Int? = nil,
                includedFrom: [IncludeSite] = []) {
        self.path = path
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.includedFrom = includedFrom
    }

    package var description: String { "\(path):\(line):\(column)" }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}

/// One step of an include chain: the including file and the line of the directive.
package struct IncludeSite: Sendable, Hashable, Codable {
    package var path: String
    package var line: Int

    package init(path: String, line: Int) {
        self.path = path
        self.line = line
    }
}
