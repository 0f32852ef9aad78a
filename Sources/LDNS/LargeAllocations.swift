import CLdns

/// How the C allocator serves large blocks, for the whole process.
package enum LargeAllocations {
    /// Blocks of `bytes` and more (a zone's record arrays, report chunks, a live run's findings as they grow)
    /// come from mmap and go back to the system when freed. Left alone, glibc raises this threshold each time
    /// such a block is freed, up to 32 MiB, and serves later ones from its per-thread heaps, which keep the
    /// memory after they are freed.
    package static func mapAndReturnToSystem(atLeast bytes: Int32) {
        _ = mallopt(M_MMAP_THRESHOLD, bytes)
    }
}
