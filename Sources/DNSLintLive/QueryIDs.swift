import Glibc

/// Query ids from the kernel's random source, fetched 256 at a time: each `UInt16.random` was a `getrandom`
/// system call, one per query sent. Ids stay unpredictable (RFC 5452); only the calls are batched.
/// One per socket, used on its event loop only.
struct QueryIDs {
    private var ids: [UInt16] = []

    mutating func next() -> UInt16 {
        if ids.isEmpty {
            ids = [UInt16](repeating: 0, count: 256)
            // glibc's arc4random_buf: the kernel's random source, one call for the whole batch.
            ids.withUnsafeMutableBytes { buffer in
                if let base = buffer.baseAddress { arc4random_buf(base, buffer.count) }
            }
        }
        return ids.removeLast()
    }
}
