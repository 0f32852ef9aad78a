
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
        for pattern in [#/__[A-Z0-9]+(?:_{1,2}[A-Z0-9]+)*__/#, #/%\{[A-Za-z0-9_]+\}%/#] {
            for match in text.matches(of: pattern) { add(String(match.output)) }
            rest = rest.replacing(pattern, with: " ")
        }
        for word in rest.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_")) }) {
            let word = String(word)
            if knownWords.contains(word) || word.wholeMatch(of: #/[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+/#) != nil { add(word) }
        }
        return found
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
