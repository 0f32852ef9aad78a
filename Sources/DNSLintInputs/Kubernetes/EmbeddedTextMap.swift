import DNSLintModel
import LDNS
/// Where the lines of a YAML string value (a ConfigMap's `data.Corefile`) are in the YAML file,
/// so findings about the embedded text land on the file's own lines.
package struct EmbeddedTextMap: Sendable, Equatable {
    /// `lineMap[i]` is the file line holding line i+1 of the value.
    package var lineMap: [Int]
    /// Columns the file adds in front of the value's text (the block's indentation).
    package var columnOffset: Int

    /// - Parameters:
    ///   - value: the scalar's text as YAML delivers it.
    ///   - fileLines: the whole file, split into lines.
    ///   - scalarLine: the 1-based line of the scalar's start (for `|` and `>`, the indicator's line).
    ///   - scalarColumn: its 1-based column.
    ///   - isBlock: literal or folded style; other styles keep the value on the key's line(s).
    package static func compute(value: String, fileLines: [Substring], scalarLine: Int, scalarColumn: Int,
                               isBlock: Bool) -> EmbeddedTextMap {
        let valueLines = value.split(separator: "\n", omittingEmptySubsequences: false)
        guard isBlock else {
            return EmbeddedTextMap(lineMap: Array(repeating: scalarLine, count: valueLines.count), columnOffset: scalarColumn)
        }
        // The content starts on the line after the indicator; its indentation is that of the first non-blank line.
        var cursor = scalarLine  // 0-based index of the first content line
        let indentation = fileLines.dropFirst(scalarLine).first { !$0.allSatisfy { $0 == " " || $0 == "\t" } }
            .map { $0.prefix { $0 == " " }.count } ?? 0
        var map: [Int] = []
        for valueLine in valueLines {
            if valueLine.isEmpty {
                map.append(min(cursor, max(fileLines.count - 1, 0)) + 1)
                cursor += 1
                continue
            }
            // Literal blocks map one to one; the search only matters for folded blocks and odd layouts.
            var found = cursor
            while found < fileLines.count, !fileLines[found].dropFirst(indentation).hasPrefix(valueLine) {
                found += 1
            }
            if found == fileLines.count { found = min(cursor, max(fileLines.count - 1, 0)) }
            map.append(found + 1)
            cursor = found + 1
        }
        return EmbeddedTextMap(lineMap: map, columnOffset: indentation)
    }
}
