import DNSLintModel

/// `--shard K/N` (K from 1 to N, as Jest and Playwright count): a stable partition of the names, the same on
/// every machine and every run, so N pods of an Indexed Job audit every name exactly once.
package struct Shard: Sendable, Equatable {
    package let index: Int
    package let count: Int

    /// Parses `K/N`; nil when it is not two whole numbers with 1 ≤ K ≤ N.
    package init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else {
            return nil
        }
        self.index = index
        self.count = count
    }

    /// Whether this shard audits `name`: FNV-1a of the lowercased absolute name, not Swift's per-process `Hasher`.
    package func owns(_ name: DNSName) -> Bool {
        Int(Self.hash(name.text.lowercased()) % UInt64(count)) == index - 1
    }

    static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        return hash
    }
}
