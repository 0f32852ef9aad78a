import DNSLintModel

/// Reads lines of input files for showing them under findings and for keying findings. Only regular files
/// within the input size cap are read, forward from the last line asked (findings come sorted by file and
/// line), one block at a time: a 300 MB sparse file costs no 300 MB of memory, and nothing of it beyond the
/// lines asked for is read.
package final class SourceLines {
    /// Bytes of a line that keys hash (a longer line is keyed by its start and "...").
    static let maxKeyBytes = 4096

    private let maxFileBytes: Int
    private var reader: LineReader?
    private var readerPath: String?
    /// Files that are not regular, too large or unreadable: not tried again.
    private var refused: Set<String> = []
    /// The last line read, for several findings on one line.
    private var last: (path: String, number: Int, bytes: [UInt8], cut: Bool)?

    package init(maxFileBytes: Int = LintOptions.defaultMaxFileBytes) {
        self.maxFileBytes = maxFileBytes
    }

    /// The line as finding keys use it: its first 4,096 bytes, then "..." when it is longer.
    package func line(_ number: Int, of path: String) -> String? {
        guard let (bytes, cut) = raw(number, of: path) else { return nil }
        return String(decoding: bytes, as: UTF8.self) + (cut ? "..." : "")
    }

    /// The line as a report shows it: a bounded excerpt with the cut marked, control characters replaced.
    package func shownLine(_ number: Int, of path: String) -> String? {
        guard let (bytes, cut) = raw(number, of: path) else { return nil }
        return Excerpt.line(bytes.prefix(Excerpt.lineLimit * 4), cut: cut || bytes.count > Excerpt.lineLimit * 4)
    }

    private func raw(_ number: Int, of path: String) -> (bytes: [UInt8], cut: Bool)? {
        guard number >= 1, !refused.contains(path) else { return nil }
        if let last, last.path == path, last.number == number { return (last.bytes, last.cut) }
        if readerPath != path || (reader?.nextNumber ?? .max) > number {
            reader = LineReader(path: path, limit: maxFileBytes)
            readerPath = path
            guard reader != nil else {
                refused.insert(path)
                return nil
            }
        }
        guard let reader, reader.skip(to: number), let line = reader.next(keep: SourceLines.maxKeyBytes) else { return nil }
        last = (path, number, line.bytes, line.cut)
        return line
    }
}
