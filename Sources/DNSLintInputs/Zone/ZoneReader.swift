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

/// What one file of a zone held, to tell a zone with mistakes from a file that is no zone at all.
struct FileTally {
    static let headBytes = 256
    static let quotedScalars = 24
    /// Logical records handed to ldns (directives are not counted).
    var records = 0
    /// Records ldns refused.
    var refused = 0
    /// Lines the tokenizer found problems on.
    var badLines = 0
    var head: [UInt8] = []

    var failed: Int { refused + badLines }
    /// Not one record of it parsed.
    var nothingParsed: Bool { failed > 0 && records == refused }
    /// Most of it fails, and enough of it that this is not a small zone with a few typos.
    var mostlyFails: Bool { failed >= 8 && failed * 4 >= records * 3 }

    /// Most of it fails; or, whatever its size, nothing of it parsed and it does not even start like a zone
    /// (a .env or settings file; a zone whose one unclosed parenthesis swallowed every record still does).
    var isNotAZone: Bool { mostlyFails || (nothingParsed && !startsLikeAZone) }

    /// Whether the whole lines of the head read as directives and records.
    var startsLikeAZone: Bool {
        var text = String(decoding: head, as: UTF8.self)
        if head.count >= FileTally.headBytes, let lastBreak = text.lastIndex(of: "\n") { text = String(text[..<lastBreak]) }
        return ZoneSniffer.looksLikeZone(text)
    }
}

/// Streams a zone file and its includes through the tokenizer and ldns, into a `ZoneBuilder`.
/// Reads in blocks so memory stays flat in the file size; parses each batch on all cores.
struct ZoneReader {
    /// Blocks, batches and the runs parsed from them are reused from batch to batch and held in twos
    /// (one tokenised while the other parses): small ones keep the reading's peak near the zone's own size.
    static let blockSize = 1 << 20
    static let batchSize = 32_768
    static let batchTextBytes = 1 << 20
    static let maxIncludeDepth = 16
    /// Records name their file with 16 bits: a zone reads at most this many files with its includes.
    var maxFiles = Int(UInt16.max) + 1

    let options: LintOptions
    var builder = ZoneBuilder()
    /// Set once the builder refused records for their data size (reported once).
    private var rdataFull = false
    /// At most `maxIssues` (a file of garbage would otherwise hold one per line); the rest are counted.
    private(set) var issues: [ZoneReadIssue] = []
    /// Files of this zone whose lines no report may quote (as findings name them): files judged not to be
    /// zones, and files `$INCLUDE` reached outside the zone's folder (with --allow-include-outside).
    private(set) var unquotedFiles: Set<String> = []
    private var droppedIssues = 0
    static let maxIssues = 1000
    private let rootFolder: String
    /// Parsed runs absorbed into the builder go back here for the workers to fill again.
    private let parsedRuns = RecyclingPool { ParsedRecords() }

    init(rootURL: URL, options: LintOptions) {
        self.options = options
        rootFolder = rootURL.deletingLastPathComponent().standardizedFileURL.resolvingSymlinksInPath().path
    }

    mutating func read(path: String, url: URL, origin: String) {
        switch RegularFile.open(url.path, limit: options.maxFileBytes) {
        case .success(let file):
            // Reserved but untouched pages cost no memory; growing by doubling would copy the largest arrays.
            builder.reserve(forFileSize: file.size)
            readFile(file, path: path, url: url, origin: origin, includedFrom: [], chain: [], outside: false)
        case .failure(let failure):
            builder.files.append(ZoneFile(path: path, includedFrom: []))
            issue(.unreadable, path, [], 1, "\(path) was not checked: \(failure.reason)")
        }
        // The spare runs would otherwise stay while the index is built, at the job's peak.
        parsedRuns.drain()
        if droppedIssues > 0 {
            issues.append(ZoneReadIssue(kind: .syntax, location: SourceLocation(path: path, line: 1),
                                        message: "\(droppedIssues) more problems in this zone and its includes are not listed; dnslint lists the first \(ZoneReader.maxIssues)"))
        }
    }

    /// Hands the records over without keeping a second reference to them.
    mutating func takeBuilder() -> ZoneBuilder {
        let taken = builder
        builder = ZoneBuilder()
        return taken
    }

    /// `outside`: reached by `$INCLUDE` outside the zone's folder, so none of its lines is quoted.
    private mutating func readFile(_ file: RegularFile, path: String, url: URL, origin: String, includedFrom: [IncludeSite],
                                   chain: [String], outside: Bool) {
        let fileID = UInt16(builder.files.count)
        builder.files.append(ZoneFile(path: path, includedFrom: includedFrom))
        let firstIssue = issues.count
        let droppedBefore = droppedIssues
        var tally = FileTally()
        var tokenizer = ZoneTokenizer(origin: origin, defaultTTL: nil, maxLineBytes: options.maxLineBytes)
        var pending: [UInt8] = []
        var batch = RecordBatch()
        /// The batch in flight; once its parse is collected it is the next one filled (its buffers reused).
        var spareBatch = RecordBatch()
        var atEnd = false
        var bytesRead = 0
        /// The batch being parsed on other threads while the next one is tokenised here.
        var inFlight: BackgroundWork<[ParsedRecords]>?
        while !atEnd {
            let before = pending.count
            let got = file.read(upTo: ZoneReader.blockSize, appendingTo: &pending)
            atEnd = (got ?? 0) == 0
            if let got, got > 0 {
                if tally.head.count < FileTally.headBytes {
                    tally.head += pending[before..<before + min(got, FileTally.headBytes - tally.head.count)]
                }
                bytesRead += got
                // The file grew past the limit after it was opened: read no further.
                if bytesRead > options.maxFileBytes {
                    issue(.unreadable, path, includedFrom, 1, "\(path) was not read to the end: it grew past the limit of \(options.maxFileBytes) bytes for one input file")
                    pending.removeLast(got)
                    atEnd = true
                }
            }
            let consumed = pending.withUnsafeBufferPointer { tokenizer.scan($0, final: atEnd, into: &batch) }
            pending.removeFirst(consumed)
            // A batch of long records is parsed once it holds a block's worth of text (its offsets are 32-bit;
            // a batch holds at most what one scan adds past this, a block and one record).
            if batch.count >= ZoneReader.batchSize || batch.text.count >= ZoneReader.batchTextBytes || atEnd {
                tally.records += batch.count
                let parsing = startParsing(batch, contexts: tokenizer.contexts)
                // Merged in file order: the previous batch before this one, while this one parses.
                if let previous = inFlight?.wait() {
                    tally.refused += absorb(previous, file: fileID, path: path, includedFrom: includedFrom)
                    parsedRuns.giveBack(previous)
                }
                inFlight = parsing
                swap(&batch, &spareBatch)
                batch.removeAll()
            }
        }
        if let last = inFlight?.wait() {
            tally.refused += absorb(last, file: fileID, path: path, includedFrom: includedFrom)
            parsedRuns.giveBack(last)
        }
        builder.files[Int(fileID)].origins = tokenizer.originSwitches
        for tokenIssue in tokenizer.issues {
            issue(.syntax, path, includedFrom, tokenIssue.line, tokenIssue.message)
        }
        // Lines, not problems: one line of a thousand stray parentheses does not make a file garbage.
        tally.badLines = Set(tokenizer.issues.map(\.line)).count
        if tally.isNotAZone || (outside && tally.failed > 0) {
            // Its problems become one finding: those past the cap are not "more problems" either.
            droppedIssues = droppedBefore
            if tally.isNotAZone {
                summarizeNotAZone(tally, path: path, includedFrom: includedFrom, from: firstIssue)
            } else {
                summarizeOutside(tally, path: path, includedFrom: includedFrom, from: firstIssue)
            }
        } else {
            droppedIssues += tokenizer.droppedIssues
        }
        if outside || tally.isNotAZone { unquotedFiles.insert(path) }
        for include in tokenizer.includes {
            readInclude(include, from: path, url: url, includedFrom: includedFrom, chain: chain + [url.standardizedFileURL.path])
        }
    }

    /// Starts parsing a batch with ldns on every core, in the background.
    private func startParsing(_ batch: RecordBatch, contexts: [ZoneParseContext]) -> BackgroundWork<[ParsedRecords]> {
        let threads = options.threads
        let parsedRuns = parsedRuns
        return BackgroundWork {
            let ranges = chunkRanges(batch.count, parts: threads)
            return parallelMap(ranges.count, threads: threads) {
                RecordBatchParser.parse(batch, contexts: contexts, range: ranges[$0], into: parsedRuns.take())
            }
        }
    }

    /// Adds a parsed batch to the builder; returns how many records failed.
    private mutating func absorb(_ parts: [ParsedRecords], file: UInt16, path: String, includedFrom: [IncludeSite]) -> Int {
        var failed = 0
        for part in parts {
            guard builder.merge(part, file: file) else {
                if !rdataFull, let line = part.records.first?.line {
                    rdataFull = true
                    issue(.unreadable, path, includedFrom, Int(line),
                          "the zone's records hold more than \(builder.maxRdataBytes) bytes of data, the most dnslint keeps; the records from here on were not read")
                }
                continue
            }
            failed += part.errors.count
            for error in part.errors {
                issue(.syntax, path, includedFrom, Int(error.line), error.message)
            }
        }
        return failed
    }

    /// Replaces the per-line syntax findings of a file that is not a zone at all (a passwd file reached by
    /// `$INCLUDE`, a README, a .env file) with one finding that quotes only its first bytes: its lines stay out
    /// of the report.
    private mutating func summarizeNotAZone(_ tally: FileTally, path: String, includedFrom: [IncludeSite], from firstIssue: Int) {
        guard let first = takeSyntaxIssues(of: path, from: firstIssue).first else { return }
        let start = String(decoding: tally.head.prefix { $0 != 10 && $0 != 13 }, as: UTF8.self)
        let quoted = start.isEmpty ? "" : ", which starts \"\(Excerpt.text(start, limit: FileTally.quotedScalars))\""
        let why = tally.mostlyFails ? "most of its lines do not parse" : "no line of it parses as a record"
        issue(.syntax, path, includedFrom, first,
              "\(path) does not look like a zone file\(quoted): \(why) (\(tally.failed) lines with problems), so they are not listed one by one")
    }

    /// Replaces the per-line syntax findings of a zone file reached outside the zone's folder (messages quote
    /// the records that fail) with one finding that names the lines without quoting them.
    private mutating func summarizeOutside(_ tally: FileTally, path: String, includedFrom: [IncludeSite], from firstIssue: Int) {
        let lines = takeSyntaxIssues(of: path, from: firstIssue)
        guard let first = lines.first else { return }
        let listed = lines.prefix(10).map(String.init).joined(separator: ", ") + (lines.count > 10 ? " and \(lines.count - 10) more" : "")
        let one = lines.count == 1
        issue(.syntax, path, includedFrom, first,
              "\(lines.count.counted("line")) of \(path) \(one ? "does" : "do") not parse (\(one ? "line" : "lines") \(listed)); "
              + "it is outside the zone's folder, so its lines are not quoted")
    }

    /// Removes the syntax issues of `path` met since `firstIssue` and returns their lines, in order.
    private mutating func takeSyntaxIssues(of path: String, from firstIssue: Int) -> [Int] {
        let isTaken = { (issue: ZoneReadIssue) in issue.kind == .syntax && issue.location.path == path }
        let lines = Array(Set(issues[firstIssue...].filter(isTaken).map(\.location.line))).sorted()
        issues = Array(issues[..<firstIssue]) + issues[firstIssue...].filter { !isTaken($0) }
        return lines
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
        // Not below the zone's folder (the folder itself is no file in it); decided once for the check and the read.
        let outside = !(resolved + "/").hasPrefix(rootFolder + "/") || resolved == rootFolder
        if !options.allowIncludeOutside, outside {
            issue(.unreadable, path, includedFrom, include.line,
                  "$INCLUDE \(Excerpt.text(include.path)) points outside the zone's folder and was not read; pass --allow-include-outside to allow it")
            return
        }
        if chain.contains(target.standardizedFileURL.path) {
            issue(.syntax, path, includedFrom, include.line, "$INCLUDE \(Excerpt.text(include.path)) includes itself (an include loop); it was read once")
            return
        }
        // Not a loop, only deep: said as a limit, so nobody hunts for a cycle that is not there.
        if chain.count >= ZoneReader.maxIncludeDepth {
            issue(.unreadable, path, includedFrom, include.line,
                  "$INCLUDE \(Excerpt.text(include.path)) was not read: the includes nest more than \(ZoneReader.maxIncludeDepth) files deep here, the most dnslint follows")
            return
        }
        guard builder.files.count < maxFiles else {
            issue(.unreadable, path, includedFrom, include.line,
                  "$INCLUDE \(Excerpt.text(include.path)) was not read: the zone already reads \(maxFiles) files, the most one zone may read")
            return
        }
        switch RegularFile.open(target.path, limit: options.maxFileBytes) {
        case .success(let file):
            readFile(file, path: shownPath, url: target, origin: include.origin, includedFrom: site, chain: chain, outside: outside)
        case .failure(.cannotOpen):
            issue(.unreadable, path, includedFrom, include.line, "$INCLUDE \(Excerpt.text(include.path)): no such readable file")
        case .failure(let failure):
            issue(.unreadable, path, includedFrom, include.line, "$INCLUDE \(Excerpt.text(include.path)) was not read: \(failure.reason)")
        }
    }

    private mutating func issue(_ kind: ZoneReadIssue.Kind, _ path: String, _ includedFrom: [IncludeSite], _ line: Int, _ message: String) {
        guard issues.count < ZoneReader.maxIssues else {
            droppedIssues += 1
            return
        }
        issues.append(ZoneReadIssue(kind: kind, location: SourceLocation(path: path, line: line, includedFrom: includedFrom), message: message))
    }
}
