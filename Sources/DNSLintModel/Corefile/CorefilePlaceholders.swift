
import LDNS
/// Deploy-time template placeholders found in published Corefiles: the kube-up/kubeadm
/// `__PILLAR__DNS__SERVER__` and `__DNS__DOMAIN__` style, k3s' `%{CLUSTER_DOMAIN}%`, and the bare
/// upper-case words of coredns/deployment's `deploy.sh` (`UPSTREAMNAMESERVER`, `STUBDOMAINS`, ...).
/// They are not CoreDNS syntax: a text holding them is a template, checked as written.
package enum CorefilePlaceholders {
    /// Bare words that `coredns/deployment`'s sed script and similar generators replace.
    static let knownWords: Set<String> = [
        "UPSTREAMNAMESERVER", "STUBDOMAINS", "FEDERATIONS", "CLUSTERDOMAIN", "CLUSTER_DOMAIN",
        "SERVICE_CIDR", "REVERSE_CIDRS", "POD_CIDR", "CLUSTER_DNS", "DNS_DOMAIN", "DNS_SERVER",
    ]

    /// Every placeholder spelled in `text`, in order, without duplicates.
    package static func find(in text: String) -> [String] {
        var found: [String] = []
        guard text.utf8.contains(where: { ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x25 }) else { return found }
        func add(_ value: String) { if !found.contains(value) { found.append(value) } }
        // Byte scanners instead of regex literals: a literal is compiled each time it is evaluated and
        // `Regex` is not Sendable, so it could not be kept in a static (it was most of the parser's time).
        let bytes = Array(text.utf8)
        let pillars = underscoredMatches(bytes)
        for range in pillars { add(String(decoding: bytes[range], as: UTF8.self)) }
        let rest = replacing(pillars, in: bytes)
        for range in percentMatches(bytes) { add(String(decoding: bytes[range], as: UTF8.self)) }
        let words = replacing(percentMatches(rest), in: rest)
        for word in String(decoding: words, as: UTF8.self)
            .split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_")) }) {
            let word = String(word)
            if knownWords.contains(word) || isShouted(word.utf8) { add(word) }
        }
        return found
    }

    private static func isUpperOrDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// The leftmost non-overlapping matches of `__[A-Z0-9]+(?:_{1,2}[A-Z0-9]+)*__`. Greedy repetition
    /// with backtracking ends a match at the last alphanumeric run of the chain (runs joined by one or two
    /// underscores) that two underscores follow.
    static func underscoredMatches(_ bytes: [UInt8]) -> [Range<Int>] {
        var matches: [Range<Int>] = []
        var start = 0
        while start + 1 < bytes.count {
            guard bytes[start] == 0x5F, bytes[start + 1] == 0x5F, start + 2 < bytes.count,
                  isUpperOrDigit(bytes[start + 2]) else { start += 1; continue }
            var position = start + 2, end: Int?
            while true {
                while position < bytes.count, isUpperOrDigit(bytes[position]) { position += 1 }
                var underscores = 0
                while position + underscores < bytes.count, bytes[position + underscores] == 0x5F { underscores += 1 }
                if underscores >= 2 { end = position + 2 }
                let next = position + underscores
                guard underscores == 1 || underscores == 2, next < bytes.count, isUpperOrDigit(bytes[next]) else { break }
                position = next
            }
            if let end { matches.append(start..<end); start = end } else { start += 1 }
        }
        return matches
    }

    /// The leftmost non-overlapping matches of `%\{[A-Za-z0-9_]+\}%`.
    static func percentMatches(_ bytes: [UInt8]) -> [Range<Int>] {
        var matches: [Range<Int>] = []
        var start = 0
        while start + 1 < bytes.count {
            guard bytes[start] == 0x25, bytes[start + 1] == 0x7B else { start += 1; continue }
            var position = start + 2
            while position < bytes.count, isWordByte(bytes[position]) { position += 1 }
            if position > start + 2, position + 1 < bytes.count, bytes[position] == 0x7D, bytes[position + 1] == 0x25 {
                matches.append(start..<(position + 2))
                start = position + 2
            } else {
                start += 1
            }
        }
        return matches
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        isUpperOrDigit(byte) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    /// `bytes` with each range replaced by one space.
    private static func replacing(_ ranges: [Range<Int>], in bytes: [UInt8]) -> [UInt8] {
        guard !ranges.isEmpty else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var position = 0
        for range in ranges {
            result.append(contentsOf: bytes[position..<range.lowerBound])
            result.append(0x20)
            position = range.upperBound
        }
        result.append(contentsOf: bytes[position...])
        return result
    }

    /// `[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+` over a word of ASCII letters, digits and underscores:
    /// upper-case segments joined by single underscores, at least two of them.
    private static func isShouted(_ word: String.UTF8View) -> Bool {
        guard let first = word.first, first >= 0x41, first <= 0x5A else { return false }
        var segments = 1, segmentLength = 0
        for byte in word {
            if byte == 0x5F {
                guard segmentLength > 0 else { return false }
                segments += 1
                segmentLength = 0
            } else if (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) {
                segmentLength += 1
            } else {
                return false
            }
        }
        return segments >= 2 && segmentLength > 0
    }

    /// True when the whole text is one placeholder (it then stands for whole lines or blocks).
    package static func isWhole(_ text: String) -> Bool {
        find(in: text) == [text]
    }

    /// `{$VAR}` and `{%VAR%}`: CoreDNS fills these from its environment when it loads the file.
    /// (`\{\$[^}]+\}` or `\{%[^%]+%\}`, scanned by byte.)
    package static func hasEnvironmentReference(_ text: String) -> Bool {
        // Most tokens hold no brace: no array, no scan.
        guard text.utf8.contains(0x7B) else { return false }
        let bytes = Array(text.utf8)
        // `{$…}` closes at the first `}` after its body starts, so one exists exactly when the last `}` lies
        // past that point: one scan for the last `}` keeps a token of many `{$` linear.
        let lastClose = bytes.lastIndex(of: 0x7D) ?? -1
        for start in bytes.indices where bytes[start] == 0x7B && start + 2 < bytes.count {
            let body = start + 2
            if bytes[start + 1] == 0x24, bytes[body] != 0x7D, lastClose > body { return true }
            // `{%…%}`: the first `%` after the body's first byte must close it; the scan stops at the next
            // `{%`'s own `%` at the latest, so all of them together read the token once.
            if bytes[start + 1] == 0x25, bytes[body] != 0x25,
               let close = bytes[(body + 1)...].firstIndex(of: 0x25), close + 1 < bytes.count, bytes[close + 1] == 0x7D {
                return true
            }
        }
        return false
    }
}
