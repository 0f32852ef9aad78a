import DNSLintModel
import Foundation

/// The files zones pull in with `$INCLUDE` (transitively): a folder scan or an inventory glob reads them
/// through the zone that includes them, with its origin, never again as zones of their own.
package enum IncludedFiles {
    /// `key` of each file the zones at `paths` include, directly or not → the path of a file that includes
    /// it. Files are read only if regular and at most `limit` bytes, as the zone reader reads them.
    package static func targets(of paths: [String], limit: Int) -> [String: String] {
        var included: [String: String] = [:]
        var queue = paths
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

    /// The path as `targets` keys it: absolute, standardised, links resolved (one file reached two ways is one).
    package static func key(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    static let directive = ByteNeedle("$include", ignoringCase: true)

    /// `$INCLUDE FILE [ORIGIN]` lines, resolved against the including file's folder as the zone reader does.
    /// Each block is searched for `$include` (any case) first: a zone without one is never split into lines,
    /// and one of a million records costs one block of memory; a FIFO or a file over the cap is not opened.
    package static func includes(in path: String, limit: Int) -> [String] {
        guard let reader = LineReader(path: path, limit: limit) else { return [] }
        let folder = (path as NSString).deletingLastPathComponent
        var found: [String] = []
        // Enough for the directive and a path; a longer line's file name would be cut, and is refused by the reader.
        while reader.advance(toLineContaining: directive, keep: 4096) {
            guard let start = reader.line.firstIndex(where: { $0 != 32 && $0 != 9 }), reader.line[start] == UInt8(ascii: "$") else { continue }
            let words = String(decoding: reader.line[start...], as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count >= 2, words[0].uppercased() == "$INCLUDE" else { continue }
            let target = String(words[1]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            found.append(target.hasPrefix("/") ? target : (folder as NSString).appendingPathComponent(target))
        }
        return found
    }
}
