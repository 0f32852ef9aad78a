import DNSLintModel
import Foundation

/// The files the zones of a folder scan pull in with `$INCLUDE` (transitively): they are read through the
/// zone that includes them, with its origin, never again as zones of their own.
package enum IncludedFiles {
    /// Standardised path of each included file → the path of a file that includes it. Files are read only
    /// if regular and at most `limit` bytes, as the zone reader reads them.
    static func targets(of zones: [DiscoveredFile], limit: Int) -> [String: String] {
        var included: [String: String] = [:]
        var queue = zones.map(\.path)
        var seen = Set(queue.map(key))
        while let path = queue.popLast() {
            for target in includes(in: path, limit: limit) {
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
    /// Streamed a line at a time: a zone of a million records costs one block of memory, a FIFO or a file over
    /// the cap is not opened at all.
    package static func includes(in path: String, limit: Int) -> [String] {
        guard let reader = LineReader(path: path, limit: limit) else { return [] }
        let folder = (path as NSString).deletingLastPathComponent
        var found: [String] = []
        // Enough for the directive and a path; a longer line's file name would be cut, and is refused by the reader.
        while reader.advance(keep: 4096) {
            guard let start = reader.line.firstIndex(where: { $0 != 32 && $0 != 9 }), reader.line[start] == UInt8(ascii: "$") else { continue }
            let words = String(decoding: reader.line[start...], as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count >= 2, words[0].uppercased() == "$INCLUDE" else { continue }
            let target = String(words[1]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            found.append(target.hasPrefix("/") ? target : (folder as NSString).appendingPathComponent(target))
        }
        return found
    }
}
