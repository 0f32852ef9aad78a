import LDNS
import Foundation

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

    /// True when `DNSName(text)` would spell `text` as it is (plain ASCII without capitals, ending in a dot that
    /// is not escaped): names the tool itself wrote down, which need no lower-casing.
    package static func isNormalizedSpelling(_ text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        var last: UInt8 = 0
        var beforeLast: UInt8 = 0
        while let byte = utf8.next() {
            guard byte < 0x80, !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) else { return false }
            beforeLast = last
            last = byte
        }
        return last == UInt8(ascii: ".") && beforeLast != UInt8(ascii: "\\")
    }

    package var description: String { text }

    package static let root = DNSName(normalized: ".")

    package var wire: [UInt8]? { WireName.wire(fromText: text) }

    /// True for the name itself and every name below it.
    package func isSubdomain(of other: DNSName) -> Bool {
        if other.text == "." || text == other.text { return true }
        guard let boundary = suffixBoundary(other) else { return false }
        // `a\.example.com.` is one label `a.example` under `com.`, not a name under `example.com.`.
        return boundary == 0 || text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: boundary - 1)] != UInt8(ascii: "\\")
    }

    /// The name relative to `origin` for short messages (`api`), or the full name outside it.
    package func relative(to origin: DNSName?) -> String {
        switch relativeForm(to: origin) {
        case .whole: text
        case .apex: "@"
        case .prefix(let length): String(Substring(text.utf8.prefix(length)))
        }
    }

    /// How `relative(to:)` writes this name: whole, as `@`, or as the first `length` bytes of its text.
    package enum RelativeForm { case whole, apex, prefix(length: Int) }

    package func relativeForm(to origin: DNSName?) -> RelativeForm {
        guard let origin, origin.text != "." else { return .whole }
        if text == origin.text { return .apex }
        guard let boundary = suffixBoundary(origin) else { return .whole }
        return .prefix(length: boundary)
    }

    /// The offset of the dot before `other` when this name ends with `.` + `other`'s text; compared as bytes
    /// (names are ASCII with escapes; Character views would cost grapheme breaking on every call).
    private func suffixBoundary(_ other: DNSName) -> Int? {
        // `withUTF8` on copies: it reads small strings in place too (their UTF-8 views offer no storage).
        var mine = text, theirs = other.text
        return mine.withUTF8 { mine in
            theirs.withUTF8 { theirs -> Int? in
                let boundary = mine.count - theirs.count - 1
                guard boundary >= 0, mine[boundary] == UInt8(ascii: "."),
                      theirs.isEmpty || memcmp(mine.baseAddress! + boundary + 1, theirs.baseAddress!, theirs.count) == 0 else { return nil }
                return boundary
            }
        }
    }

    package static func < (lhs: DNSName, rhs: DNSName) -> Bool { lhs.text < rhs.text }
}
