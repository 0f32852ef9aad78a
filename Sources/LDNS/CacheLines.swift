import CLdns

/// Asks for memory ahead of its use, so that lookups in tables larger than the caches overlap their misses
/// instead of waiting for each in turn.
package enum CacheLines {
    @inline(__always)
    package static func prefetchForWrite(_ address: UnsafeRawPointer) {
        dnslint_prefetch_for_write(address)
    }
}
