import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file that takes its name only when complete: everything is written to a hidden temporary file in the
/// same folder, which `commit()` flushes to disk and renames over the target in one step. A run killed
/// halfway never leaves a truncated report where the previous one was.
///
/// Only a regular file (or a path where nothing is yet) is replaced that way. A symbolic link is followed
/// and the file it points at is replaced, so the link stays. A target that is not a regular file (`/dev/null`,
/// a terminal, a FIFO a CI step reads from, `/dev/stdout` or a process substitution's `/dev/fd/N` on a pipe)
/// is written in place: renaming over it would put a regular file where the device or pipe was, and as root
/// that replaces `/dev/null` for the whole machine.
package final class AtomicFile {
    package let path: String
    /// The temporary file renamed over `realPath` on commit; nil when writing straight into a special file.
    private let temporaryPath: String?
    /// The file the path names once symbolic links are followed: where the rename lands.
    private let realPath: String
    package let handle: FileHandle
    private var done = false

    package init(path: String) throws(InputError) {
        // `/dev/stdout`, `/dev/fd/N`: the descriptor the shell set up, whatever it points at. Written through a
        // duplicate of it, so `--output /dev/stdout >> log` appends to the log as the shell asked, where opening
        // the link's target would replace (or overwrite) the file.
        if let descriptor = AtomicFile.inheritedDescriptor(path) {
            let fd = dup(descriptor)
            guard fd >= 0 else { throw InputError("\(path): cannot write the file (\(String(cString: strerror(errno))))") }
            self.path = path
            realPath = path
            temporaryPath = nil
            handle = FileHandle(fileDescriptor: fd, closeOnDealloc: false)
            return
        }
        // `stat` follows links as the kernel does, including /proc's descriptor links (/dev/stdout is
        // /proc/self/fd/1, which for a pipe reads back as `pipe:[N]`, a name no path can join onto).
        var status = stat()
        let exists = stat(path, &status) == 0
        if exists, status.st_mode & S_IFMT == S_IFDIR {
            throw InputError("\(path): cannot write the file (it is a folder)")
        }
        self.path = path
        if exists, status.st_mode & S_IFMT != S_IFREG {
            // A device, FIFO, socket or pipe: opened by the name given, which the kernel resolves itself.
            realPath = path
            temporaryPath = nil
            handle = FileHandle(fileDescriptor: try AtomicFile.openSpecial(path, shownAs: path), closeOnDealloc: false)
            return
        }
        // A regular file, or nothing yet (a dangling link names the file to create): links are chased by hand
        // so the rename lands on the file they name and the links stay.
        let real = try AtomicFile.followLinks(path)
        realPath = real
        let url = URL(fileURLWithPath: real)
        let folder = url.deletingLastPathComponent().path
        var template = Array((folder + "/." + url.lastPathComponent + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw InputError("\(path): cannot write the file (\(String(cString: strerror(errno))))")
        }
        // A report replacing an existing one keeps that file's permissions; a new one is readable by all.
        fchmod(fd, exists ? status.st_mode & 0o7777 : 0o644)
        temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: false)
    }

    /// Writes `data` to `path` whole or not at all.
    package static func write(_ data: Data, to path: String) throws(InputError) {
        let file = try AtomicFile(path: path)
        try file.write(data)
        try file.commit()
    }

    /// Appends `data`; on an error (a full disk) drops the file, so the target keeps its previous content.
    package func write(_ data: Data) throws(InputError) {
        let failure: Int32? = data.withUnsafeBytes { bytes in
            var written = 0
            while written < bytes.count {
                let count = Glibc.write(handle.fileDescriptor, bytes.baseAddress! + written, bytes.count - written)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return count < 0 ? errno : EIO }
                written += count
            }
            return nil
        }
        guard let failure else { return }
        discard()
        throw InputError("\(path): cannot write the file (\(String(cString: strerror(failure))))")
    }

    /// Flushes, closes and renames the temporary file over the target (a special file is only closed).
    package func commit() throws(InputError) {
        guard !done else { return }
        done = true
        let fd = handle.fileDescriptor
        guard let temporaryPath else {
            close(fd)
            return
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard synced, rename(temporaryPath, realPath) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw InputError("\(path): cannot write the file (\(reason))")
        }
    }

    /// Drops what was written; the target keeps its previous content (what reached a special file stays sent).
    package func discard() {
        guard !done else { return }
        done = true
        close(handle.fileDescriptor)
        if let temporaryPath { unlink(temporaryPath) }
    }

    deinit { discard() }

    /// The open descriptor a path names: `/dev/stdin|stdout|stderr`, `/dev/fd/N`, `/proc/self/fd/N`.
    static func inheritedDescriptor(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                if let number = Int32(path.dropFirst(prefix.count)), fcntl(number, F_GETFD) >= 0 { return number }
            }
            return nil
        }
    }

    /// Links allowed in one path before it counts as a loop (Linux's own limit is 40).
    static let maxLinks = 40

    /// The path with every symbolic link along it followed. A dangling link resolves to the missing file it
    /// names, so writing through it creates that file and keeps the link.
    static func followLinks(_ path: String) throws(InputError) -> String {
        var current = path
        for _ in 0..<maxLinks {
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else {
                // Not a link (or nothing there): the folders above it may still be links, which the rename
                // goes through anyway; the name itself is what must not be replaced.
                return current
            }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length >= 0 else {
                throw InputError("\(path): cannot write the file (\(String(cString: strerror(errno))))")
            }
            let target = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target
                : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
        }
        throw InputError("\(path): cannot write the file (more than \(maxLinks) symbolic links, or a loop of them)")
    }

    /// Opens a device, FIFO or socket for writing in place. A FIFO nobody reads would block `open` forever:
    /// it is opened non-blocking, which fails at once without a reader, then made blocking for the writes.
    static func openSpecial(_ path: String, shownAs shown: String) throws(InputError) -> Int32 {
        let fd = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = errno == ENXIO ? "nothing reads from it" : String(cString: strerror(errno))
            throw InputError("\(shown): cannot write the file (\(reason))")
        }
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        return fd
    }
}
