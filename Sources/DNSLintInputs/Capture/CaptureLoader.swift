import DNSLintModel
import LDNS
import Foundation

/// A capture file that was read, with the run's counters for the summary.
package struct LoadedCapture: ParsedInput {
    package var path: String
    package var mode: ProbeMode
    package var stats: ProbeStats?
}

/// Reads `*.capture.json` files written by `dnslint live --capture` (or by hand, for rule examples)
/// into live views, so the data rules judge them exactly as they judged the live run.
package struct CaptureLoader: InputLoader {
    package init() {}
    package var kind: InputKind { .live }

    package func recognize(_ file: InputFile) -> Recognition {
        if file.fileName.lowercased().hasSuffix(".capture.json") { return .byName }
        let head = file.headText
        if head.hasPrefix("{"), head.contains("\"\(Capture.formatName)\"") { return .byContent }
        return .no
    }

    package func load(_ file: InputFile, options: LintOptions) throws(InputError) -> LoadResult {
        let capture: Capture
        let data: [UInt8]
        switch RegularFile.read(file.url.path, limit: options.maxFileBytes) {
        case .success(let bytes): data = bytes
        case .failure(let failure): return LoadResult(issues: [.unreadable(path: file.path, reason: failure.reason)])
        }
        do {
            let decoder = JSONDecoder()
            decoder.userInfo[.capturedRecordParser] = CapturedRecordParser()
            capture = try decoder.decode(Capture.self, from: Data(data))
        } catch {
            return LoadResult(issues: [.unreadable(path: file.path, reason: "it is not a dnslint capture (\(Self.describe(error)))")])
        }
        guard capture.format == Capture.formatName, capture.version == 1 else {
            return LoadResult(issues: [.unreadable(
                path: file.path, reason: "it is \(capture.format) version \(capture.version), not \(Capture.formatName) version 1")])
        }
        let views = LiveView.grouped(capture.names.map(\.normalized), mode: capture.mode,
                                     search: (capture.search ?? []).map { DNSName($0) }, maxCNAMEHops: options.maxCNAMEHops)
        return LoadResult(inputs: [LoadedCapture(path: file.path, mode: capture.mode, stats: capture.stats)], views: views)
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.typeMismatch(_, let context),
             DecodingError.valueNotFound(_, let context):
            return pathText(context) + context.debugDescription
        case DecodingError.keyNotFound(let key, let context):
            return pathText(context) + "missing \"\(key.stringValue)\""
        default:
            return "\(error.localizedDescription)"
        }
    }

    private static func pathText(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.isEmpty ? "" : "at \(path): "
    }
}
