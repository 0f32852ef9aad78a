import DNSLintModel
import LDNS
/// Splits Corefile text into tokens the way CoreDNS' Caddyfile lexer does: words separated by
/// Unicode white space, `"` quoting only at the start of a word (inside, `\"` is a quote and every
/// other backslash stays), `#` starting a comment anywhere outside quotes, a leading byte order mark
/// dropped. Invalid UTF-8 becomes U+FFFD, as Go's rune reader makes it; lines holding such bytes
/// outside comments are remembered so the parser can say so.
struct CorefileLexer {
    struct Output {
        var tokens: [CorefileToken] = []
        /// Quoted strings still open at the end of the text: where they started.
        var unterminatedQuotes: [(line: Int, column: Int)] = []
        /// First line with bytes that are not UTF-8 outside a comment.
        var firstInvalidUTF8Line: Int?
    }

    static func tokenize(_ bytes: [UInt8], source: Int) -> Output {
        var output = Output()
        var line = 1
        var column = 0
        var text = String.UnicodeScalarView()
        var tokenLine = 0, tokenColumn = 0
        var quoted = false, escaped = false, comment = false, wasQuoted = false

        func emit() {
            output.tokens.append(CorefileToken(text: String(text), line: tokenLine, column: tokenColumn,
                                               endLine: line, quoted: wasQuoted, source: source))
            text = String.UnicodeScalarView()
            wasQuoted = false
        }

        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        var first = true
        decoding: while true {
            var scalar: Unicode.Scalar
            var invalid = false
            switch decoder.decode(&iterator) {
            case .scalarValue(let value): scalar = value
            case .emptyInput: break decoding
            case .error:
                scalar = "\u{FFFD}"
                invalid = true
            }
            if first {
                first = false
                if scalar == "\u{FEFF}" { continue }
            }
            column += 1
            if invalid, !comment, output.firstInvalidUTF8Line == nil { output.firstInvalidUTF8Line = line }

            if quoted {
                if !escaped {
                    if scalar == "\\" {
                        escaped = true
                        continue
                    }
                    if scalar == "\"" {
                        quoted = false
                        emit()
                        continue
                    }
                }
                if escaped, scalar != "\"" { text.append("\\") }
                escaped = false
                if scalar == "\n" {
                    line += 1
                    column = 0
                }
                text.append(scalar)
                continue
            }

            if scalar.properties.isWhitespace {
                if scalar == "\r" { continue }
                if !text.isEmpty { emit() }
                if scalar == "\n" {
                    line += 1
                    column = 0
                    comment = false
                }
                continue
            }
            if scalar == "#" { comment = true }
            if comment { continue }
            if text.isEmpty {
                tokenLine = line
                tokenColumn = column
                if scalar == "\"" {
                    quoted = true
                    wasQuoted = true
                    continue
                }
            }
            text.append(scalar)
        }
        if quoted { output.unterminatedQuotes.append((tokenLine, tokenColumn)) }
        if !text.isEmpty || quoted { emit() }
        return output
    }
}
