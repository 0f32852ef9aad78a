import DNSLintModel
import LDNS
import Foundation

/// A file about to be read: where it is, how to show its path, and its first bytes for recognition.
package struct InputFile: Sendable {
    /// The path as shown in findings (as given, or the folder given joined with the file's path).
    package var path: String
    /// Where the file is on disk.
    package var url: URL
    /// Up to the first 4 KiB, for recognising the kind by content.
    package var head: [UInt8]

    package init(path: String, url: URL, head: [UInt8]) {
        self.path = path
        self.url = url
        self.head = head
    }

    /// Reads the head of `path`; nil when the file cannot be opened.
    package static func open(_ path: String) -> InputFile? {
        let url = URL(fileURLWithPath: path)
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 4096) else { return nil }
        return InputFile(path: path, url: url, head: [UInt8](data))
    }

    package var fileName: String { url.lastPathComponent }

    /// Mostly control characters: not a text file any DNS tool would read. A stray NUL or invalid
    /// UTF-8 is not enough (Latin-1 comments are common); parsers report those at their line.
    package var looksBinary: Bool {
        let controls = head.filter { $0 < 0x20 && ![9, 10, 11, 12, 13].contains($0) }.count
        return controls * 20 > head.count
    }

    package var headText: String { String(decoding: head, as: UTF8.self) }
}
