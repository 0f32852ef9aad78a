import DNSLintModel
import Foundation

/// Reads lines of input files for showing them under diagnostics; each file is read once.
package final class SourceLines {
    package init() {}

    private var files: [String: (data: [UInt8], lineStarts: [Int])] = [:]
    static let maxShownBytes = 4096

    package func line(_ number: Int, of path: String) -> String? {
        if files[path] == nil {
            guard let data = FileManager.default.contents(atPath: path) else { return nil }
            let bytes = [UInt8](data)
            var starts = [0]
            for (index, byte) in bytes.enumerated() where byte == 10 { starts.append(index + 1) }
            files[path] = (bytes, starts)
        }
        guard let file = files[path], number >= 1, number <= file.lineStarts.count else { return nil }
        let start = file.lineStarts[number - 1]
        var end = number < file.lineStarts.count ? file.lineStarts[number] - 1 : file.data.count
        if end > start, file.data[end - 1] == 13 { end -= 1 }
        guard start <= end else { return nil }
        // An input line may be megabytes long (a zone line over the reader's limit): show only its start.
        if end - start > SourceLines.maxShownBytes {
            return String(decoding: file.data[start..<start + SourceLines.maxShownBytes], as: UTF8.self) + "..."
        }
        return String(decoding: file.data[start..<end], as: UTF8.self)
    }
}
