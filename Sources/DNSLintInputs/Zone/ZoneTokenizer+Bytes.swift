/// The tokenizer's byte-level helpers: quotes, spaces and name spellings, apart from its state.
extension ZoneTokenizer {
    /// The offset of the quote closing a string opened before `start`, passing escaped characters; nil when the
    /// line or the limit ends first, or a NUL or an escaped line break is met (the general path reports those).
    static func closingQuote(_ base: UnsafePointer<UInt8>, from start: Int, limit: Int) -> Int? {
        var index = start
        while index < limit {
            switch base[index] {
            case UInt8(ascii: "\""): return index
            case 10, 0: return nil
            case UInt8(ascii: "\\"):
                guard index + 1 < limit, base[index + 1] != 10, base[index + 1] != 0 else { return nil }
                index += 2
            default: index += 1
            }
        }
        return nil
    }

    /// Rewrites every run of spaces, tabs and carriage returns from `from` on as one space, leaving quoted
    /// strings as they are.
    static func collapseSpaces(in text: inout [CChar], from: Int, skippingQuotes: Bool) {
        var end = from
        text.withUnsafeMutableBufferPointer { text in
            var afterSpace = false
            var quoted = false
            var escaped = false
            for read in from..<text.count {
                let byte = text[read]
                if quoted {
                    if escaped {
                        escaped = false
                    } else if byte == CChar(UInt8(ascii: "\\")) {
                        escaped = true
                    } else if byte == CChar(UInt8(ascii: "\"")) {
                        quoted = false
                    }
                    text[end] = byte
                    end += 1
                    continue
                }
                let space = byte == 32 || byte == 9 || byte == 13
                if space, afterSpace { continue }
                text[end] = space ? 32 : byte
                afterSpace = space
                quoted = skippingQuotes && byte == CChar(UInt8(ascii: "\""))
                end += 1
            }
        }
        text.removeLast(text.count - end)
    }

    /// A byte inside a word that the tokenizer passes on unchanged: none of the separators, comment and
    /// parenthesis marks, quotes, escapes or NUL.
    static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case 0, 9, 10, 13, 32, UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\""), UInt8(ascii: "\\"): false
        default: true
        }
    }

    /// Absolute form of a name spelling (`@`, relative or absolute) against `origin`.
    static func absolute(_ owner: [UInt8], origin: String) -> [UInt8] {
        if owner == [UInt8(ascii: "@")] { return Array(origin.utf8) }
        if endsWithUnescapedDot(owner) { return owner }
        return origin == "." ? owner + [UInt8(ascii: ".")] : owner + [UInt8(ascii: ".")] + Array(origin.utf8)
    }

    func absolute(_ owner: [UInt8]) -> [UInt8] {
        ZoneTokenizer.absolute(owner, origin: currentOrigin)
    }

    static func endsWithUnescapedDot(_ name: [UInt8]) -> Bool {
        guard name.last == UInt8(ascii: ".") else { return false }
        var backslashes = 0
        var index = name.count - 2
        while index >= 0, name[index] == UInt8(ascii: "\\") {
            backslashes += 1
            index -= 1
        }
        return backslashes % 2 == 0
    }
}
