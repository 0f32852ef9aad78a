/// A place in an input file. `path` is the path as the user gave it (or as reached from it).
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int
    public var endLine: Int?
    public var endColumn: Int?
    /// For a file reached through `$INCLUDE` or `import`: where it was included from, outermost first.
    public var includedFrom: [IncludeSite]

    public init(path: String, line: Int, column: Int = 1, endLine: Int? = nil, endColumn: Int? = nil,
                includedFrom: [IncludeSite] = []) {
        self.path = path
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.includedFrom = includedFrom
    }

    public var description: String { "\(path):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}

/// One step of an include chain: the including file and the line of the directive.
public struct IncludeSite: Sendable, Hashable, Codable {
    public var path: String
    public var line: Int

    public init(path: String, line: Int) {
        self.path = path
        self.line = line
    }
}
