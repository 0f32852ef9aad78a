import Foundation

/// Where a report goes: a file or standard output, written in 1 MiB chunks so a large report never
/// sits in memory whole; or memory, for tests and `Reporters.render`.
public final class OutputSink {
    private var buffer: [UInt8] = []
    private let handle: FileHandle?
    private static let chunk = 1 << 20

    public init(handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(OutputSink.chunk + 4096)
    }

    private init() { handle = nil }

    public static func memory() -> OutputSink { OutputSink() }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        flushIfFull()
    }

    public func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        flushIfFull()
    }

    public func flush() {
        guard let handle, !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// What a memory sink collected.
    public var text: String { String(decoding: buffer, as: UTF8.self) }

    private func flushIfFull() {
        if handle != nil, buffer.count >= OutputSink.chunk { flush() }
    }
}
