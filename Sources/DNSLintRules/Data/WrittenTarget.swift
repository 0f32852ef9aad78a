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
