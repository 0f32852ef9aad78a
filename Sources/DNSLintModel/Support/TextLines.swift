/// Splits text at LF bytes. Swift treats CR LF as one Character, so splitting Characters at "\n"
/// would miss Windows line ends; here a CR stays at the end of its line for the parsers to see.
package enum TextLines {
    package static func split(_ text: String) -> [Substring] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
    }
}
