import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file that takes its name only when complete: everything is written to a hidden temporary file in the
/// same folder, which `commit()` flushes to disk and renames over the target in one step. A run killed
/// halfway never leaves a truncated report where the previous one was.
package final class AtomicFile {
    package let path: String
    private let temporaryPath: String
    package let handle: FileHandle
    private var done = false

    package init(path: String) throws(InputError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var template = Array((folder + "/." + url.lastPathComponent + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw InputError("\(path): cannot write the file (\(String(cString: strerror(errno))))")
        }
        fchmod(fd, 0o644)
        self.path = path
        temporaryPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: false)
    }

    /// Flushes, closes and renames the temporary file over the target.
    package func commit() throws(InputError) {
        guard !done else { return }
        done = true
        let fd = handle.fileDescriptor
        let synced = fsync(fd) == 0
        close(fd)
        guard synced, rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw InputError("\(path): cannot write the file (\(reason))")
        }
    }

    /// Drops what was written; the target keeps its previous content.
    package func discard() {
        guard !done else { return }
        done = true
        close(handle.fileDescriptor)
        unlink(temporaryPath)
    }

    deinit { discard() }
}
