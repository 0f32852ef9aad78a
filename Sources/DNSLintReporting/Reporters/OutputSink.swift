import DNSLintModel
import Foundation

/// Where a report goes: a file or standard output, written in 1 MiB chunks so a large report never
/// sits in memory whole; or memory, for tests and `Reporters.render`.
package final class OutputSink {
    private var buffer: [UInt8] = []
    private let handle: FileHandle?
    private static let chunk = 1 << 20

    package init(handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(OutputSink.chunk + 4096)
    }

    private init() { handle = nil }

    package static func memory() -> OutputSink { OutputSink() }

    package func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        flushIfFull()
    }

    package func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        flushIfFull()
    }

    package func flush() {
        guard let handle, !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// What a memory sink collected.
    package var text: String { String(decoding: buffer, as: UTF8.self) }

    private func flushIfFull() {
        if handle != nil, buffer.count >= OutputSink.chunk { flush() }
    }
}
