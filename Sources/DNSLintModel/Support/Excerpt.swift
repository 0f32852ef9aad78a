/// A bounded, marked excerpt of input text for a finding's message: a line that failed to parse may be
/// anything (an included /etc/passwd, a megabyte of base64), so messages never carry more than a prefix.
package enum Excerpt {
    /// Scalars kept by default; longer text keeps `limit - 3` and ends in "...".
    package static let defaultLimit = 72
    /// Scalars of an input line a report shows under a finding.
    package static let lineLimit = 200

    /// `text` when it is at most `limit` Unicode scalars, else its first `limit - 3` and "...".
    /// Control characters become "?" so a quoted line cannot drive a terminal.
    package static func text<S: StringProtocol>(_ text: S, limit: Int = defaultLimit) -> String {
        var scalars = String.UnicodeScalarView()
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            if count > limit { break }
            scalars.append(isControl(scalar) ? "?" : scalar)
        }
        guard count > limit else { return String(scalars) }
        return String(String.UnicodeScalarView(scalars.prefix(max(0, limit - 3)))) + "..."
    }

    /// An input line as a report shows it: decoded leniently, a tab as a space, other control characters
    /// (NUL, ESC, C1) as "?", at most `limit` scalars with "..." marking a cut; `cut` says the bytes given
    /// were already only the start of the line.
    package static func line(_ bytes: some Collection<UInt8>, cut: Bool = false, limit: Int = lineLimit) -> String {
        let text = String(decoding: bytes, as: UTF8.self).replacingTabs
        let shown = Excerpt.text(text, limit: limit)
        return cut && !shown.hasSuffix("...") ? shown + "..." : shown
    }

    /// C0 and C1 control characters and DEL: what a terminal would act on rather than show.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}

private extension String {
    var replacingTabs: String {
        contains("\t") ? String(unicodeScalars.map { $0 == "\t" ? " " : Character($0) }) : self
    }
}
