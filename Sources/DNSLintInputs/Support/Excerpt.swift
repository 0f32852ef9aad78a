/// A bounded, marked excerpt of input text for a finding's message: a line that failed to parse may be
/// anything (an included /etc/passwd, a megabyte of base64), so messages never carry more than a prefix.
enum Excerpt {
    /// Scalars kept by default; longer text keeps `limit - 3` and ends in "...".
    static let defaultLimit = 72

    /// `text` when it is at most `limit` Unicode scalars, else its first `limit - 3` and "...".
    /// Control characters become "?" so a quoted line cannot drive a terminal.
    static func text<S: StringProtocol>(_ text: S, limit: Int = defaultLimit) -> String {
        var scalars = String.UnicodeScalarView()
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            if count > limit { break }
            scalars.append(scalar.value < 0x20 || scalar.value == 0x7F ? "?" : scalar)
        }
        guard count > limit else { return String(scalars) }
        return String(String.UnicodeScalarView(scalars.prefix(max(0, limit - 3)))) + "..."
    }
}
