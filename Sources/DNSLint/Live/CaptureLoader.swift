import Foundation

/// A capture file that was read, with the run's counters for the summary.
public struct LoadedCapture: ParsedInput {
    public var path: String
    public var mode: ProbeMode
    public var stats: ProbeStats?
}

/// Reads `*.capture.json` files written by `dnslint live --capture` (or by hand, for rule examples)
/// into live views, so the data rules judge them exactly as they judged the live run.
public struct CaptureLoader: InputLoader {
    public init() {}
    public var kind: InputKind { .live }

    public func recognize(_ file: InputFile) -> Recognition {
        if file.fileName.lowercased().hasSuffix(".capture.json") { return .byName }
        let head = file.headText
        if head.hasPrefix("{"), head.contains("\"\(Capture.formatName)\"") { return .byContent }
        return .no
    }

    public func load(_ file: InputFile, options: LintOptions) throws(InputError) -> LoadResult {
        let capture: Capture
        do {
            let data = try Data(contentsOf: file.url)
            capture = try JSONDecoder().decode(Capture.self, from: data)
        } catch {
            return LoadResult(findings: [InputUnreadable.finding(path: file.path, reason: "it is not a dnslint capture (\(Self.describe(error)))")])
        }
        guard capture.format == Capture.formatName, capture.version == 1 else {
            return LoadResult(findings: [InputUnreadable.finding(
                path: file.path, reason: "it is \(capture.format) version \(capture.version), not \(Capture.formatName) version 1")])
        }
        let views = LiveAudit.views(of: capture.names.map(\.normalized), mode: capture.mode,
                                    search: (capture.search ?? []).map { DNSName($0) })
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

/// The counters of saved runs, added up, for `dnslint analyze`'s summary.
public enum CaptureSummary {
    public static func totals(of paths: [String]) -> [String: ArgumentValue] {
        var total = ProbeStats()
        for path in paths {
            guard let file = InputFile.open(path), let result = try? CaptureLoader().load(file, options: LintOptions()) else { continue }
            for case let capture as LoadedCapture in result.inputs {
                guard let stats = capture.stats else { continue }
                total.names += stats.names
                total.queries += stats.queries
                total.responses += stats.responses
                total.timeouts += stats.timeouts
                total.mismatched += stats.mismatched
                total.malformed += stats.malformed
                total.durationSeconds += stats.durationSeconds
            }
        }
        return total.summary
    }
}
