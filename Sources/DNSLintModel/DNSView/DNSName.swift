import LDNS

/// A fully qualified domain name in lower case with its trailing dot (`api.example.com.`).
package struct DNSName: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    package let text: String

    /// Takes any spelling; relative names are made absolute against `origin` (root by default).
    package init(_ spelling: String, origin: DNSName? = nil) {
        var text = spelling.lowercased()
        if text == "@", let origin {
            self.text = origin.text
            return
        }
        if !text.hasSuffix(".") || text.hasSuffix("\\.") {
            if let origin, origin.text != "." {
                text += "." + origin.text
            } else {
                text += "."
            }
        }
        self.text = text
    }

    package init(normalized text: String) { self.text = text }

    package var description: String { text }

    package static let root = DNSName(normalized: ".")

    package var wire: [UInt8]? { WireName.wire(fromText: text) }

    /// True for the name itself and every name below it.
    package func isSubdomain(of other: DNSName) -> Bool {
        if other.text == "." || text == other.text { return true }
        let mine = text.utf8
        let theirs = other.text.utf8
        guard mine.count > theirs.count, text.hasSuffix(other.text) else { return false }
        let boundary = mine.index(mine.endIndex, offsetBy: -theirs.count - 1)
        guard mine[boundary] == UInt8(ascii: ".") else { return false }
        // `a\.example.com.` is one label `a.example` under `com.`, not a name under `example.com.`.
        return boundary == mine.startIndex || mine[mine.index(before: boundary)] != UInt8(ascii: "\\")
    }

    /// The name relative to `origin` for short messages (`api`), or the full name outside it.
    package func relative(to origin: DNSName?) -> String {
        guard let origin, origin.text != "." else { return text }
        if text == origin.text { return "@" }
        if text.hasSuffix("." + origin.text) { return String(text.dropLast(origin.text.count + 1)) }
        return text
    }

    package static func < (lhs: DNSName, rhs: DNSName) -> Bool { lhs.text < rhs.text }
}
