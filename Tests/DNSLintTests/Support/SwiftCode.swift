import Foundation

/// Swift source as the compiler reads it, for tests that check what code says, not what comments or
/// messages say: comments and string literals are blanked (newlines kept, so line numbers hold), while
/// the code inside string interpolations is kept. Handles nested block comments, multi-line and raw strings.
struct SwiftCode {
    /// The blanked text, line by line (1-based line `n` is `lines[n - 1]`).
    let lines: [String]

    init(_ source: String) {
        var scanner = Scanner(Array(source))
        scanner.code(untilClosingParenthesis: false)
        lines = String(scanner.output).components(separatedBy: "\n")
    }

    /// Every line holding a match of `pattern`, as (1-based line number, the blanked line).
    func lines(matching pattern: some RegexComponent) -> [(line: Int, text: String)] {
        lines.enumerated().compactMap { index, text in
            text.contains(pattern) ? (index + 1, text.trimmingCharacters(in: .whitespaces)) : nil
        }
    }

    private struct Scanner {
        let input: [Character]
        var output: [Character] = []
        var position = 0

        init(_ input: [Character]) {
            self.input = input
            output.reserveCapacity(input.count)
        }

        private func peek(_ offset: Int = 0) -> Character? {
            position + offset < input.count ? input[position + offset] : nil
        }

        private func startsWith(_ text: String) -> Bool {
            for (offset, character) in text.enumerated() where peek(offset) != character { return false }
            return true
        }

        private mutating func keep() {
            output.append(input[position])
            position += 1
        }

        private mutating func blank(_ count: Int = 1) {
            for _ in 0..<count where position < input.count {
                output.append(input[position].isNewline ? input[position] : " ")
                position += 1
            }
        }

        /// Copies code, blanking comments and literals; inside an interpolation it stops after its `)`.
        mutating func code(untilClosingParenthesis: Bool) {
            var depth = 0
            while let character = peek() {
                if startsWith("//") {
                    while let next = peek(), !next.isNewline { _ = next; blank() }
                } else if startsWith("/*") {
                    blockComment()
                } else if character == "#" || character == "\"" {
                    var hashes = 0
                    while peek(hashes) == "#" { hashes += 1 }
                    if peek(hashes) == "\"" { string(hashes: hashes) } else { keep() }
                } else if character == "(" {
                    depth += 1
                    keep()
                } else if character == ")" {
                    if untilClosingParenthesis && depth == 0 {
                        blank()
                        return
                    }
                    depth -= 1
                    keep()
                } else {
                    keep()
                }
            }
        }

        private mutating func blockComment() {
            var depth = 0
            while peek() != nil {
                if startsWith("/*") {
                    depth += 1
                    blank(2)
                } else if startsWith("*/") {
                    depth -= 1
                    blank(2)
                    if depth == 0 { return }
                } else {
                    blank()
                }
            }
        }

        /// A literal opened by `hashes` `#` and `"` or `"""`; escapes and interpolations need as many `#`.
        private mutating func string(hashes: Int) {
            let pounds = String(repeating: "#", count: hashes)
            let quote = startsWith(pounds + "\"\"\"") ? "\"\"\"" : "\""
            blank(hashes + quote.count)
            while peek() != nil {
                if startsWith(quote + pounds) {
                    blank(quote.count + hashes)
                    return
                } else if startsWith("\\" + pounds + "(") {
                    blank(hashes + 2)
                    code(untilClosingParenthesis: true)
                } else if startsWith("\\" + pounds) {
                    blank(hashes + 2)
                } else {
                    blank()
                }
            }
        }
    }
}

/// The Swift files of a source folder, relative paths and text, in a stable order.
func swiftFiles(under folder: URL) throws -> [(path: String, text: String)] {
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
    var files: [(String, String)] = []
    for case let url as URL in enumerator where url.pathExtension == "swift" {
        let relative = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
        files.append((relative, try String(contentsOf: url, encoding: .utf8)))
    }
    return files.sorted { $0.0 < $1.0 }
}
