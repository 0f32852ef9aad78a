import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a path was not read. `reason` completes "PATH was not checked: ...".
package enum FileReadFailure: Error, Sendable, Equatable {
    case notRegular(kind: String)
    case cannotOpen(errno: Int32)
    case tooLarge(bytes: Int, limit: Int)

    package var reason: String {
        switch self {
        case .notRegular(let kind):
            return "it is \(kind), not a regular file; dnslint reads only regular files"
        case .cannotOpen(let code):
            return "it cannot be read (\(String(cString: strerror(code)).lowercased()))"
        case .tooLarge(let bytes, let limit):
            return "it is \(bytes) bytes, more than the limit of \(limit) bytes for one input file"
        }
    }
}

/// A regular file open for reading. Every input is opened through here: a FIFO, device or socket is
/// refused by `stat` before any `open`, and the `open` itself is non-blocking and re-checked with
/// `fstat`, so a path swapped for a FIFO in between cannot hang the run either.
package final class RegularFile {
    private let descriptor: Int32
    /// Size when opened, from `fstat`.
    package let size: Int
    /// Bytes read so far.
    private var offset = 0
    /// The block `read(upTo:appendingTo:)` reads through, allocated on its first use.
    private var block = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)

    private init(descriptor: Int32, size: Int) {
        self.descriptor = descriptor
        self.size = size
    }

    deinit {
        close(descriptor)
        block.deallocate()
    }

    package static func open(_ path: String) -> Result<RegularFile, FileReadFailure> {
        var status = stat()
        guard stat(path, &status) == 0 else { return .failure(.cannotOpen(errno: errno)) }
        if let kind = nonRegularKind(status.st_mode) { return .failure(.notRegular(kind: kind)) }
        let descriptor = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.cannotOpen(errno: errno)) }
        guard fstat(descriptor, &status) == 0 else {
            let code = errno
            close(descriptor)
            return .failure(.cannotOpen(errno: code))
        }
        if let kind = nonRegularKind(status.st_mode) {
            close(descriptor)
            return .failure(.notRegular(kind: kind))
        }
        return .success(RegularFile(descriptor: descriptor, size: Int(status.st_size)))
    }

    /// Opens `path` and checks its size against `limit` before anything is read.
    package static func open(_ path: String, limit: Int) -> Result<RegularFile, FileReadFailure> {
        open(path).flatMap { file in
            file.size > limit ? .failure(.tooLarge(bytes: file.size, limit: limit)) : .success(file)
        }
    }

    /// Reads the whole file, refusing it when it holds more than `limit` bytes (even if it grew after opening).
    package static func read(_ path: String, limit: Int) -> Result<[UInt8], FileReadFailure> {
        open(path, limit: limit).flatMap { $0.readAll(limit: limit) }
    }

    /// Up to `count` bytes; empty at the end of the file, nil on a read error. The buffer is sized by what
    /// the file holds, not by `count`, so a small file costs no 4 MiB allocation.
    package func read(upTo count: Int) -> [UInt8]? {
        let wanted = min(count, max(size - offset, 0) + 4096)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
            initialized = readFully(into: buffer.baseAddress!, wanted, failed: &failed)
        }
        if failed { return nil }
        offset += bytes.count
        return bytes
    }

    /// Reads up to `count` bytes onto the end of `buffer`; returns how many (0 at the end of the file), nil
    /// on a read error. They pass through one block this file keeps: a reader that keeps its buffer reuses
    /// its pages from block to block, where a fresh block each time would be faulted in again.
    package func read(upTo count: Int, appendingTo buffer: inout [UInt8]) -> Int? {
        let wanted = min(count, max(size - offset, 0) + 4096)
        if block.count < wanted {
            block.deallocate()
            block = .allocate(capacity: wanted)
        }
        var failed = false
        let filled = readFully(into: block.baseAddress!, wanted, failed: &failed)
        if failed { return nil }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: block[..<filled]))
        offset += filled
        return filled
    }

    /// Reads until `wanted` bytes or the end of the file; `failed` when the first read fails.
    private func readFully(into base: UnsafeMutablePointer<UInt8>, _ wanted: Int, failed: inout Bool) -> Int {
        var filled = 0
        while filled < wanted {
            let got = Glibc.read(descriptor, base + filled, wanted - filled)
            if got < 0 {
                if errno == EINTR { continue }
                failed = filled == 0
                break
            }
            if got == 0 { break }
            filled += got
        }
        return filled
    }

    package func readAll(limit: Int) -> Result<[UInt8], FileReadFailure> {
        var all: [UInt8] = []
        all.reserveCapacity(min(size, limit))
        while true {
            guard let block = read(upTo: 1 << 20) else { return .failure(.cannotOpen(errno: EIO)) }
            if block.isEmpty { return .success(all) }
            all += block
            if all.count > limit { return .failure(.tooLarge(bytes: all.count, limit: limit)) }
        }
    }

    /// What a non-regular file is, in words; nil for a regular file.
    package static func nonRegularKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFIFO: "a named pipe (FIFO)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFDIR: "a directory"
        default: "a special file"
        }
    }
}
