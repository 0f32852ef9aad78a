import DNSLintModel
import LDNS
import Foundation

/// Writes a capture as it is made: header, then each audited name, then the stats, so a run over
/// any number of names holds only the names in flight.
package final class CaptureWriter {
    private let file: AtomicFile
    private let encoder: JSONEncoder
    private var pending = Data()
    private var first = true

    package init(path: String, mode: ProbeMode, settings: ResolverSettings?) throws(InputError) {
        do { file = try AtomicFile(path: path) } catch { throw InputError("--capture \(error.message)") }
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

    /// Ends the JSON and gives the capture its name; until then the previous capture stays as it was.
    package func finish(stats: ProbeStats) throws(InputError) {
        let statsJSON = (try? encoder.encode(stats)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        pending.append(Data("\n],\"stats\":\(statsJSON)}\n".utf8))
        flush()
        if let failure { throw InputError("--capture \(failure.message)") }
        do { try file.commit() } catch { throw InputError("--capture \(error.message)") }
    }

    /// The first write error (a full disk): the capture is then dropped at `finish`, never left half-written.
    private var failure: InputError?

    private func flush() {
        defer { pending.removeAll(keepingCapacity: true) }
        guard failure == nil else { return }
        do { try file.write(pending) } catch { failure = error }
    }
}
