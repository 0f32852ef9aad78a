import DNSLintModel
import Foundation
import LDNS

/// A problem met while reading a zone, before any rule runs.
struct ZoneReadIssue {
    enum Kind { case syntax, unreadable }
    var kind: Kind
    var location: SourceLocation
    var message: String
}

/// Streams a zone file and its includes through the tokenizer and ldns, into a `ZoneBuilder`.
/// Reads in blocks so memory stays flat in the file size; parses each batch on all cores.
struct ZoneReader {
    static let blockSize = 4 << 20
    static let batchSize = 32_768
    static let maxIncludeDepth = 16

    let options: LintOptions
    var builder = ZoneBuilder()
    var issues: [ZoneReadIssue] = []
    private let rootFolder: String

    init(rootURL: URL, options: LintOptions) {
        self.options = options
        rootFolder = rootURL.deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath().path
    }

    mutating func read(path: String, url: URL, origin: String) {
        // Reserved but untouched pages cost no memory; growing by doubling would copy the largest arrays.
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        builder.reserve(forFileSize: size)
        readFile(path: path, url: url, origin: origin, includedFrom: [], chain: [])
    }

    /// Hands the records over without keeping a second reference to them.
    mutating func takeBuilder() -> ZoneBuilder {
        let taken = builder
        builder = ZoneBuilder()
        return taken
    }

    private mutating func readFile(path: String, url: URL, origin: String, includedFrom: [IncludeSite], chain: [String]) {
        let fileID = UInt16(min(builder.files.count, Int(UInt16.max)))
        builder.files.append(ZoneFile(path: path, includedFrom: includedFrom))
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            issue(.unreadable, path, includedFrom, 1, "\(path) cannot be read")
            return
        }
        defer { try? handle.close() }
        var tokenizer = ZoneTokenizer(origin: origin, defaultTTL: nil)
        var pending: [UInt8] = []
        var batch = RecordBatch()
        var atEnd = false
        while !atEnd {
            let block = (try? handle.read(upToCount: ZoneReader.blockSize)) ?? nil
            atEnd = block?.isEmpty ?? true
            if let block { pending.append(contentsOf: block) }
            let consumed = pending.withUnsafeBufferPointer { tokenizer.scan($0, final: atEnd, into: &batch) }
            pending.removeFirst(consumed)
            if batch.count >= ZoneReader.batchSize || atEnd {
                parse(batch, contexts: tokenizer.contexts, file: fileID, path: path, includedFrom: includedFrom)
                batch.removeAll()
            }
        }
        for tokenIssue in tokenizer.issues {
            issue(.syntax, path, includedFrom, tokenIssue.line, tokenIssue.message)
        }
        for include in tokenizer.includes {
            readInclude(include, from: path, url: url, includedFrom: includedFrom, chain: chain + [url.standardizedFileURL.path])
        }
    }

    private mutating func parse(_ batch: RecordBatch, contexts: [ZoneParseContext], file: UInt16, path: String, includedFrom: [IncludeSite]) {
        let ranges = chunkRanges(batch.count, parts: options.threads)
        let parts = parallelMap(ranges.count, threads: options.threads) {
            RecordBatchParser.parse(batch, contexts: contexts, range: ranges[$0])
        }
        for part in parts {
            builder.merge(part, file: file)
            for error in part.errors {
                issue(.syntax, path, includedFrom, Int(error.line), error.message)
            }
        }
    }

    private mutating func readInclude(_ include: IncludeRequest, from path: String, url: URL, includedFrom: [IncludeSite], chain: [String]) {
        let site = includedFrom + [IncludeSite(path: path, line: include.line)]
        let target = include.path.hasPrefix("/")
            ? URL(fileURLWithPath: include.path)
            : url.deletingLastPathComponent().appendingPathComponent(include.path)
        let resolved = target.standardizedFileURL.resolvingSymlinksInPath().path
        let shownPath = include.path.hasPrefix("/")
            ? include.path
            : ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(include.path)
        if !options.allowIncludeOutside, !(resolved + "/").hasPrefix(rootFolder + "/") || resolved == rootFolder {
            issue(.unreadable, path, includedFrom, include.line,
                  "$INCLUDE \(include.path) points outside the zone's folder and was not read; pass --allow-include-outside to allow it")
            return
        }
        if chain.contains(target.standardizedFileURL.path) || chain.count >= ZoneReader.maxIncludeDepth {
            issue(.syntax, path, includedFrom, include.line, "$INCLUDE \(include.path) includes itself (an include loop); it was read once")
            return
        }
        guard FileManager.default.isReadableFile(atPath: target.path) else {
            issue(.unreadable, path, includedFrom, include.line, "$INCLUDE \(include.path): no such readable file")
            return
        }
        readFile(path: shownPath, url: target, origin: include.origin, includedFrom: site, chain: chain)
    }

    private mutating func issue(_ kind: ZoneReadIssue.Kind, _ path: String, _ includedFrom: [IncludeSite], _ line: Int, _ message: String) {
        issues.append(ZoneReadIssue(kind: kind, location: SourceLocation(path: path, line: line, includedFrom: includedFrom), message: message))
    }
}
