import DNSLintModel
import LDNS
import Foundation

/// A file about to be read: where it is, how to show its path, and its first bytes for recognition.
package struct InputFile: Sendable {
    /// The path as shown in findings (as given, or the folder given joined with the file's path).
    package var path: String
    /// Where the file is on disk.
    package var url: URL
    /// Up to the first `headSize` bytes, for recognising the kind by content.
    package var head: [UInt8]
    package static let headSize = 4096

    package init(path: String, url: URL, head: [UInt8]) {
        self.path = path
        self.url = url
        self.head = head
    }

    /// Reads the head of `path`; nil when it cannot be opened or is not a regular file.
    package static func open(_ path: String) -> InputFile? {
        try? openChecked(path, limit: Int.max).get()
    }

    /// Reads the head of `path`, saying why not when it is not a readable regular file of at most `limit` bytes.
    /// An empty file has an empty head.
    package static func openChecked(_ path: String, limit: Int) -> Result<InputFile, FileReadFailure> {
        RegularFile.open(path, limit: limit).flatMap { file in
            guard let head = file.read(upTo: headSize) else { return .failure(.cannotOpen(errno: EIO)) }
            return .success(InputFile(path: path, url: URL(fileURLWithPath: path), head: head))
        }
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
