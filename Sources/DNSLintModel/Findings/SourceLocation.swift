import LDNS
import Synchronization
/// A place in an input file. `path` is the path as the user gave it (or as reached from it).
/// Line and column numbers are kept in 32 bits, and the file (path and include chain) is one shared
/// reference: a finding holds up to three places, a large zone's findings number in the hundreds of
/// thousands, and every answer record carries one (24 bytes a place instead of 72, one reference count
/// to copy instead of two). The file is interned for the life of the process and held without a reference
/// count: every answer record of a zone carries its file's, and threads that copied one shared count for each
/// made its cache line bounce between them.
package struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    private unowned(unsafe) var file: SourceFile
    private var storedLine: Int32
    private var storedColumn: Int32
    private var storedEndLine: Int32
    private var storedEndColumn: Int32

    package var path: String {
        get { file.path }
        set { file = SourceFile.interned(path: newValue, includedFrom: file.includedFrom) }
    }

    /// For a file reached through `$INCLUDE` or `import`: where it was included from, outermost first.
    package var includedFrom: [IncludeSite] {
        get { file.includedFrom }
        set { file = SourceFile.interned(path: file.path, includedFrom: newValue) }
    }

    package init(path: String, line: Int, column: Int = 1, endLine: Int? = nil, endColumn: Int? = nil,
                includedFrom: [IncludeSite] = []) {
        file = SourceFile.interned(path: path, includedFrom: includedFrom)
        storedLine = Self.narrow(line)
        storedColumn = Self.narrow(column)
        storedEndLine = endLine.map(Self.narrow) ?? Self.absent
        storedEndColumn = endColumn.map(Self.narrow) ?? Self.absent
    }

    package var line: Int {
        get { Int(storedLine) }
        set { storedLine = Self.narrow(newValue) }
    }

    package var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Self.narrow(newValue) }
    }

    package var endLine: Int? {
        get { storedEndLine == Self.absent ? nil : Int(storedEndLine) }
        set { storedEndLine = newValue.map(Self.narrow) ?? Self.absent }
    }

    package var endColumn: Int? {
        get { storedEndColumn == Self.absent ? nil : Int(storedEndColumn) }
        set { storedEndColumn = newValue.map(Self.narrow) ?? Self.absent }
    }

    /// No end line or column.
    private static let absent = Int32.min

    /// Past 2^31 lines (a file of two gigabytes of newlines) numbers stop at the largest that fits.
    private static func narrow(_ number: Int) -> Int32 { Int32(clamping: max(number, Int(Int32.min) + 1)) }

    package var description: String { "\(path):\(line):\(column)" }

    package static func == (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        lhs.file === rhs.file && lhs.storedLine == rhs.storedLine && lhs.storedColumn == rhs.storedColumn
            && lhs.storedEndLine == rhs.storedEndLine && lhs.storedEndColumn == rhs.storedEndColumn
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(file))
        hasher.combine(storedLine)
        hasher.combine(storedColumn)
        hasher.combine(storedEndLine)
        hasher.combine(storedEndColumn)
    }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }

    // The keys and shape the stored properties had before they were narrowed.
    private enum CodingKeys: String, CodingKey { case path, line, column, endLine, endColumn, includedFrom }

    package init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(path: try container.decode(String.self, forKey: .path), line: try container.decode(Int.self, forKey: .line),
                  column: try container.decode(Int.self, forKey: .column),
                  endLine: try container.decodeIfPresent(Int.self, forKey: .endLine),
                  endColumn: try container.decodeIfPresent(Int.self, forKey: .endColumn),
                  includedFrom: try container.decode([IncludeSite].self, forKey: .includedFrom))
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encodeIfPresent(endLine, forKey: .endLine)
        try container.encodeIfPresent(endColumn, forKey: .endColumn)
        try container.encode(includedFrom, forKey: .includedFrom)
    }
}

/// A location's file: immutable and interned, one per path and include chain for the life of the process
/// (a run reads a bounded number of files), so locations compare files by identity.
private final class SourceFile: Sendable {
    let path: String
    let includedFrom: [IncludeSite]

    private init(path: String, includedFrom: [IncludeSite]) {
        self.path = path
        self.includedFrom = includedFrom
    }

    private struct Key: Hashable {
        var path: String
        var includedFrom: [IncludeSite]
    }

    /// Every file ever named, kept alive: locations hold theirs unowned.
    private static let all = Mutex<[Key: SourceFile]>([:])

    static func interned(path: String, includedFrom: [IncludeSite]) -> SourceFile {
        let key = Key(path: path, includedFrom: includedFrom)
        return all.withLock { files in
            if let known = files[key] { return known }
            let file = SourceFile(path: path, includedFrom: includedFrom)
            files[key] = file
            return file
        }
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
