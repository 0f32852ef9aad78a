/// A path pattern relative to the configuration file's folder, split at `/`: `*`, `?` and `[a-z]` match
/// within one segment, `**` matches any number of segments (none included). As in a shell, wildcards do not
/// match a leading `.`, so hidden files and folders are left out unless the pattern names them.
package struct PathGlob: Sendable, Hashable, CustomStringConvertible {
    package let pattern: String
    let segments: [Substring]

    package init(_ pattern: String) {
        var text = pattern
        while text.hasPrefix("./") { text.removeFirst(2) }
        self.pattern = pattern
        self.segments = text.split(separator: "/", omittingEmptySubsequences: true)
    }

    package var description: String { pattern }

    /// Whether the pattern has anything but literal segments.
    package var hasWildcards: Bool { segments.contains { Self.isWildcard($0) } }

    /// The leading literal segments: the folder a search for matches can start from.
    package var literalPrefix: [Substring] { Array(segments.prefix { !Self.isWildcard($0) }) }

    static func isWildcard(_ segment: Substring) -> Bool {
        segment.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    /// Whether `path` (relative, `/`-separated) is matched whole.
    package func matches(_ path: String) -> Bool {
        Self.match(segments[...], path.split(separator: "/")[...])
    }

    /// Whether `path` or one of the folders that hold it is matched: `legacy` and `legacy/**` both cover
    /// `legacy/old.zone`, as in a .gitignore.
    package func covers(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        return (1...max(parts.count, 1)).contains { Self.match(segments[...], parts.prefix($0)) }
    }

    private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            var remaining = path
            while true {
                if match(rest, remaining) { return true }
                guard let skipped = remaining.first, !skipped.hasPrefix(".") else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let segment = path.first, matchSegment(first, segment) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    /// One segment: `*`, `?` and bracket classes (`[abc]`, `[a-z]`, `[!x]`).
    package static func matchSegment(_ pattern: Substring, _ name: Substring) -> Bool {
        if name.hasPrefix("."), !pattern.hasPrefix(".") { return false }
        return matchCharacters(Array(pattern)[...], Array(name)[...])
    }

    private static func matchCharacters(_ pattern: ArraySlice<Character>, _ name: ArraySlice<Character>) -> Bool {
        guard let first = pattern.first else { return name.isEmpty }
        switch first {
        case "*":
            let rest = pattern.dropFirst()
            for start in name.startIndex...name.endIndex where matchCharacters(rest, name[start...]) { return true }
            return false
        case "?":
            return !name.isEmpty && matchCharacters(pattern.dropFirst(), name.dropFirst())
        case "[":
            guard let close = pattern.dropFirst(2).firstIndex(of: "]"), let character = name.first else {
                return name.first == "[" && matchCharacters(pattern.dropFirst(), name.dropFirst())
            }
            var set = pattern[(pattern.startIndex + 1)..<close]
            let negated = set.first == "!" || set.first == "^"
            if negated { set = set.dropFirst() }
            var found = false
            var index = set.startIndex
            while index < set.endIndex {
                if index + 2 < set.endIndex, set[index + 1] == "-" {
                    if set[index] <= character && character <= set[index + 2] { found = true }
                    index += 3
                } else {
                    if set[index] == character { found = true }
                    index += 1
                }
            }
            return found != negated && matchCharacters(pattern[(close + 1)...], name.dropFirst())
        default:
            return name.first == first && matchCharacters(pattern.dropFirst(), name.dropFirst())
        }
    }
}
