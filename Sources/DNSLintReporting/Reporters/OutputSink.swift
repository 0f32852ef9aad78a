import DNSLintModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a report goes: a file or standard output, written in 1 MiB chunks so a large report never
/// sits in memory whole; or memory, for tests and `Reporters.render`.
package final class OutputSink {
    private var buffer: [UInt8] = []
    private let handle: FileHandle?
    private static let chunk = 1 << 20
    /// Why a write failed (a full disk, a closed pipe); nothing more is written after it. `FileHandle.write`
    /// would crash the run on such an error instead.
    package var failure: String? { failureCode.map { String(cString: strerror($0)) } }
    /// The errno of the failed write.
    private var failureCode: Int32?
    /// The reader closed its end (`dnslint check … | head`): not an error, the rest has nowhere to go.
    /// Seen only because SIGPIPE is ignored (dnslint's Main), which would otherwise end the process first.
    package var readerClosed: Bool { failureCode == EPIPE }

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

    /// Bytes written in place: a piece of at least a chunk (a batch of rendered findings) goes out as it is,
    /// without being copied into the buffer first; smaller pieces are buffered like any other.
    package func write(bytes: UnsafeBufferPointer<UInt8>) {
        guard handle != nil, bytes.count >= OutputSink.chunk else {
            buffer.append(contentsOf: bytes)
            return flushIfFull()
        }
        flush()
        writeAll(UnsafeRawBufferPointer(bytes))
    }

    package func flush() {
        guard handle != nil, !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        buffer.withUnsafeBytes { writeAll($0) }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) {
        guard let handle, failureCode == nil, let base = bytes.baseAddress else { return }
        let descriptor = handle.fileDescriptor
        var written = 0
        while written < bytes.count {
            let count = Glibc.write(descriptor, base + written, bytes.count - written)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                failureCode = count < 0 ? errno : EIO
                return
            }
            written += count
        }
    }

    /// What a memory sink collected.
    package var text: String { String(decoding: buffer, as: UTF8.self) }

    private func flushIfFull() {
        if handle != nil, buffer.count >= OutputSink.chunk { flush() }
    }
}
