
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
        var rest = text
        // A regex literal is compiled each time it is evaluated (half the Corefile parser's time), and
        // `Regex` is not Sendable, so it cannot be kept in a static: evaluate one only when its opening
        // characters are in the text.
        if contains(text, 0x5F, 0x5F) {
            let pattern = #/__[A-Z0-9]+(?:_{1,2}[A-Z0-9]+)*__/#
            for match in text.matches(of: pattern) { add(String(match.output)) }
            rest = rest.replacing(pattern, with: " ")
        }
        if contains(text, 0x25, 0x7B) {
            let pattern = #/%\{[A-Za-z0-9_]+\}%/#
            for match in text.matches(of: pattern) { add(String(match.output)) }
            rest = rest.replacing(pattern, with: " ")
        }
        for word in rest.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_")) }) {
            let word = String(word)
            if knownWords.contains(word) || isShouted(word.utf8) { add(word) }
        }
        return found
    }

    /// Two bytes in a row.
    private static func contains(_ text: String, _ first: UInt8, _ second: UInt8) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == first, byte == second { return true }
            previous = byte
        }
        return false
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
    package static func hasEnvironmentReference(_ text: String) -> Bool {
        // Regex literals are compiled each time they are evaluated: skip them for the common text without a brace.
        guard text.utf8.contains(UInt8(ascii: "{")) else { return false }
        return text.contains(#/\{\$[^}]+\}/#) || text.contains(#/\{%[^%]+%\}/#)
    }
}
