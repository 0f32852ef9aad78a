import DNSLintModel
import LDNS
import Foundation

/// Writes a capture as it is made: header, then each audited name, then the stats, so a run over
/// any number of names holds only the names in flight.
package final class CaptureWriter {
    private let handle: FileHandle
    private let encoder: JSONEncoder
    private var pending = Data()
    private var first = true

    package init(path: String, mode: ProbeMode, settings: ResolverSettings?) throws(InputError) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw InputError("--capture \(path): cannot create the file")
        }
        self.handle = handle
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var header = "{\"format\":\"\(Capture.formatName)\",\"version\":1,\"mode\":\"\(mode.rawValue)\""
        if let settings, !settings.search.isEmpty {
            header += ",\"ndots\":\(settings.ndots),\"search\":" + String(decoding: (try? encoder.encode(settings.search)) ?? Data("[]".utf8), as: UTF8.self)
        }
        pending.append(Data((header + ",\"names\":[\n").utf8))
    }

    package func write(_ name: CapturedName) {
        guard let data = try? encoder.encode(name) else { return }
        if !first { pending.append(Data(",\n".utf8)) }
        first = false
        pending.append(data)
        if pending.count > 1 << 16 { flush() }
    }

    package func finish(stats: ProbeStats) {
        let statsJSON = (try? encoder.encode(stats)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        pending.append(Data("\n],\"stats\":\(statsJSON)}\n".utf8))
        flush()
        try? handle.close()
    }

    private func flush() {
        try? handle.write(contentsOf: pending)
        pending.removeAll(keepingCapacity: true)
    }
}
