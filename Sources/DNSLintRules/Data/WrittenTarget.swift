import DNSLintModel
import LDNS

/// A record's target as it was written in the zone file: relative to the `$ORIGIN` in effect when it lies
/// below that origin (a relative spelling, or the same name spelt out in full), else absolute.
struct WrittenTarget {
    /// The spelling without a trailing dot: `cdn.example.net`, `192.0.2.1`.
    var text: String
    /// Completed with the origin in effect (ends below it).
    var relative: Bool
    /// The name the target became.
    var name: DNSName

    init?(_ record: ZoneRecord, in zone: any ZoneContents) {
        guard record.target >= 0 else { return nil }
        let origin = zone.writtenOrigin(of: record)
        name = zone.name(record.target)
        if name != origin, origin != .root, name.isSubdomain(of: origin) {
            text = String(name.text.dropLast(origin.text.count + 1))
            relative = true
        } else {
            text = String(name.text.dropLast())
            relative = false
        }
    }

    /// The labels as written (escapes kept), split at unescaped dots.
    var labels: [Substring] {
        var labels: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "\\" {
                index = text.index(after: index)
                if index < text.endIndex { index = text.index(after: index) }
                continue
            }
            if text[index] == "." {
                labels.append(text[start..<index])
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        labels.append(text[start...])
        return labels
    }
}

/// Cheap tests on a target's wire form that rule out most records before a `WrittenTarget` (two strings)
/// is built: zones hold hundreds of thousands of targets and only a handful are ever reported.
enum TargetWire {
    /// Whether the first label could begin an address literal: all digits (IPv4), or holding a colon (IPv6,
    /// whose text has no dot before its last colon). Any IPv4 or IPv6 spelling passes.
    static func mayBeAddress(_ wire: ArraySlice<UInt8>) -> Bool {
        guard let length = wire.first, length > 0 else { return false }
        let label = wire.dropFirst().prefix(Int(length))
        return label.contains(UInt8(ascii: ":")) || label.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Whether a label other than the last is a common top-level domain: a relative target's last written
    /// label is followed by the origin's labels, so it is never the name's last.
    static func mayEndInTopLevelDomain(_ wire: ArraySlice<UInt8>) -> Bool {
        var offset = wire.startIndex
        while offset < wire.endIndex, wire[offset] > 0 {
            let end = offset + 1 + Int(wire[offset])
            guard end < wire.endIndex else { return false }
            if wire[end] > 0, end - offset - 1 <= 8, packedTopLevelDomains.contains(pack(wire[(offset + 1)..<end])) {
                return true
            }
            offset = end
        }
        return false
    }

    /// Labels of up to eight bytes as one integer, so the check allocates no string (every listed
    /// top-level domain is that short, which the set's initialiser checks).
    private static func pack<Bytes: Collection<UInt8>>(_ label: Bytes) -> UInt64 {
        label.reduce(0) { $0 << 8 | UInt64($1) }
    }

    private static let packedTopLevelDomains: Set<UInt64> = {
        precondition(PublicTopLevelDomains.common.allSatisfy { $0.utf8.count <= 8 }, "top-level domains pack into 8 bytes")
        return Set(PublicTopLevelDomains.common.map { pack(Array($0.utf8)) })
    }()
}
