import Foundation

/// The files the zones of a folder scan pull in with `$INCLUDE` (transitively): they are read through the
/// zone that includes them, with its origin, never again as zones of their own.
enum IncludedFiles {
    /// Standardised path of each included file → the path of a file that includes it.
    static func targets(of zones: [DiscoveredFile]) -> [String: String] {
        var included: [String: String] = [:]
        var queue = zones.map(\.path)
        var seen = Set(queue.map(key))
        while let path = queue.popLast() {
            for target in includes(in: path) {
                let targetKey = key(target)
                if included[targetKey] == nil { included[targetKey] = path }
                if seen.insert(targetKey).inserted { queue.append(target) }
            }
        }
        return included
    }

    static func key(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// `$INCLUDE FILE [ORIGIN]` lines, resolved against the including file's folder as the zone reader does.
    private static func includes(in path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path), data.range(of: Data("$INCLUDE".utf8)) != nil
              || data.range(of: Data("$include".utf8)) != nil else { return [] }
        let folder = (path as NSString).deletingLastPathComponent
        var found: [String] = []
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count >= 2, words[0].uppercased() == "$INCLUDE" else { continue }
            let target = String(words[1]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            found.append(target.hasPrefix("/") ? target : (folder as NSString).appendingPathComponent(target))
        }
        return found
    }
}
