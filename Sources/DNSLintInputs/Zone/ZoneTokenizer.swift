import DNSLintModel
import LDNS
/// Records of one stretch of a zone file, normalised for `ldns_rr_new_frm_str`: comments and
/// parentheses gone, one line per record, the owner always written out, NUL-terminated back to back.
struct RecordBatch: Sendable {
    var text: [CChar] = []
    var starts: [Int32] = []
    var lines: [Int32] = []
    var contexts: [UInt32] = []

    var count: Int { starts.count }

    mutating func removeAll() {
        text.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
        contexts.removeAll(keepingCapacity: true)
    }
}

/// The origin and default TTL in force for a record.
struct ZoneParseContext: Hashable, Sendable {
    var origin: String
    var defaultTTL: UInt32
}

/// A `$INCLUDE` met while tokenising, processed after the including file.
struct IncludeRequest {
    var path: String
    var origin: String
    var line: Int
}

/// A problem the tokenizer itself finds (directives, quotes, parentheses).
struct ZoneTokenIssue {
    var line: Int
    var message: String
}

/// Splits zone-file text into logical records, tracking each record's first line.
/// Works on blocks: `scan` stops before a record that may continue past the block end.
struct ZoneTokenizer {
    private(set) var line = 1
    private(set) var contexts: [ZoneParseContext]
    /// 32 bits: a large reverse zone has a `$ORIGIN` per network, more than 65,535 of them.
    private var context: UInt32 = 0
    private var contextIndex: [ZoneParseContext: UInt32]
    /// Without `$TTL`, a record without TTL takes the last TTL written (RFC 1035 5.1), as BIND and NSD do.
    private var explicitDefaultTTL: Bool
    private var lastOwnerSpelling: [UInt8] = [UInt8(ascii: "@")]
    private var lastOwnerOrigin: String
    private var lastOwnerAbsolute: [UInt8]?
    var includes: [IncludeRequest] = []
    /// The origin at the start and each `$ORIGIN` that set one, so rules can tell how a name was written.
    private(set) var originSwitches: [OriginSwitch]
    /// At most `maxIssues`; the rest are only counted in `droppedIssues`, so a file of garbage stays small in memory.
    private(set) var issues: [ZoneTokenIssue] = []
    private(set) var droppedIssues = 0
    static let maxIssues = 1000
    /// A physical line longer than this drops its record with a finding.
    let maxLineBytes: Int
    /// A record continued over lines may run to this many bytes; past it the record is dropped, so an
    /// unclosed parenthesis or quote cannot pull the rest of a large file into memory.
    var maxRecordBytes: Int { maxLineBytes.multipliedReportingOverflow(by: 16).overflow ? Int.max : maxLineBytes * 16 }
    /// Set while the rest of an over-long record is being skipped, across blocks.
    private var skipping: RecordSkipper?
    /// Whether plain one-line records take `plainLineRecord`; off only in tests, which compare both ways.
    var readsPlainLinesDirectly = true

    init(origin: String, defaultTTL: UInt32?, maxLineBytes: Int = LintOptions.defaultMaxLineBytes) {
        contexts = [ZoneParseContext(origin: origin, defaultTTL: defaultTTL ?? 0)]
        contextIndex = [contexts[0]: 0]
        originSwitches = [OriginSwitch(line: 0, origin: DNSName(origin))]
        explicitDefaultTTL = defaultTTL != nil
        lastOwnerOrigin = origin
        self.maxLineBytes = maxLineBytes
    }

    var currentOrigin: String { contexts[Int(context)].origin }

    /// Tokenises complete records from `input` into `batch`; returns how many bytes were consumed.
    /// With `final`, the end of input ends the last record.
    mutating func scan(_ input: UnsafeBufferPointer<UInt8>, final: Bool, into batch: inout RecordBatch) -> Int {
        var position = 0
        if skipping != nil {
            position = skip(input, from: 0, final: final)
            if skipping != nil { return position }
        }
        var scratch: [UInt8] = []
        scratch.reserveCapacity(256)
        var tokens: [Range<Int>] = []
        while position < input.count {
            if readsPlainLinesDirectly, let end = plainLineRecord(input, from: position, into: &batch) {
                position = end
                continue
            }
            let recordStart = position
            let recordLine = line
            guard let record = logicalRecord(input, from: position, final: final, scratch: &scratch, tokens: &tokens) else {
                // The record goes on past this block. Keep it for the next block unless it is already too long.
                guard input.count - recordStart > maxRecordBytes else { return recordStart }
                reportOversized(input, from: recordStart, firstLine: recordLine)
                skipping = RecordSkipper()
                position = skip(input, from: recordStart, final: final)
                if skipping != nil { return position }
                continue
            }
            let (end, longLine) = record
            position = end
            if longLine != nil || end - recordStart > maxRecordBytes {
                reportOversized(input, from: recordStart, firstLine: recordLine)
                continue
            }
            emit(scratch: scratch, tokens: tokens, firstLine: recordLine, into: &batch)
        }
        return position
    }

    private mutating func report(_ issue: ZoneTokenIssue) {
        if issues.count < ZoneTokenizer.maxIssues { issues.append(issue) } else { droppedIssues += 1 }
    }

    private mutating func report(_ pending: [ZoneTokenIssue], dropped: Int) {
        for issue in pending { report(issue) }
        droppedIssues += dropped
    }

    /// One finding for a record dropped for its size: at its first over-long line, else at its first line.
    private mutating func reportOversized(_ input: UnsafeBufferPointer<UInt8>, from start: Int, firstLine: Int) {
        var lineNumber = firstLine
        var lineStart = start
        var index = start
        let end = min(input.count, start.addingReportingOverflow(maxRecordBytes).overflow ? input.count : start + maxRecordBytes + 1)
        while index < end {
            if input[index] == 10 {
                if index - lineStart > maxLineBytes { break }
                lineNumber += 1
                lineStart = index + 1
            }
            index += 1
        }
        if index - lineStart > maxLineBytes {
            report(ZoneTokenIssue(line: lineNumber, message: "line \(lineNumber) is longer than \(maxLineBytes) bytes, the limit for one line; the record there was not read"))
        } else {
            report(ZoneTokenIssue(line: firstLine, message: "the record starting at line \(firstLine) runs for more than \(maxRecordBytes) bytes (is a parenthesis or quote left open?); it was not read"))
        }
    }

    /// Consumes the rest of a dropped record from `start`; clears `skipping` when the record ends.
    private mutating func skip(_ input: UnsafeBufferPointer<UInt8>, from start: Int, final: Bool) -> Int {
        guard var skipper = skipping else { return start }
        let (end, lines, done) = skipper.advance(input, from: start)
        line += lines
        skipping = done || final ? nil : skipper
        return end
    }

    /// Reads one logical record starting at `start` into `scratch`, a token per range, each token followed by a space.
    /// Returns the offset after it and the first of its lines longer than `maxLineBytes`, or nil when the
    /// block ends first and more input may follow.
    private mutating func logicalRecord(_ input: UnsafeBufferPointer<UInt8>, from start: Int, final: Bool,
                                        scratch: inout [UInt8], tokens: inout [Range<Int>]) -> (Int, Int?)? {
        scratch.removeAll(keepingCapacity: true)
        tokens.removeAll(keepingCapacity: true)
        var index = start
        var depth = 0
        var linesSeen = 0
        var tokenStart = -1
        var quoted = false
        var openLine = 0
        var pending: [ZoneTokenIssue] = []
        var droppedPending = 0
        /// A record of a million stray parentheses would otherwise hold a million issues.
        func note(_ issue: ZoneTokenIssue) {
            if pending.count < 4 { pending.append(issue) } else { droppedPending += 1 }
        }
        var lineStart = start
        var longLine: Int?
        let maxLineBytes = maxLineBytes
        let inheritsOwner = input[start] == UInt8(ascii: " ") || input[start] == UInt8(ascii: "\t")
        if inheritsOwner { tokens.append(0..<0) }

        // Each token is followed by one space in `scratch`, so `emit` copies a record's words in one piece.
        func closeToken() {
            if tokenStart >= 0 {
                tokens.append(tokenStart..<scratch.count)
                scratch.append(32)
                tokenStart = -1
            }
        }

        while index < input.count {
            let byte = input[index]
            if quoted {
                if byte == UInt8(ascii: "\\"), index + 1 < input.count {
                    scratch.append(byte)
                    scratch.append(input[index + 1])
                    if input[index + 1] == 10 {
                        if longLine == nil, index + 1 - lineStart > maxLineBytes { longLine = line + linesSeen }
                        linesSeen += 1
                        lineStart = index + 2
                    }
                    index += 2
                    continue
                }
                if byte == 10 {
                    note(ZoneTokenIssue(line: line + linesSeen, message: "a quoted string is not closed before the end of the line"))
                    quoted = false
                    closeToken()
                    continue
                }
                scratch.append(byte)
                if byte == UInt8(ascii: "\"") { quoted = false }
                index += 1
                continue
            }
            switch byte {
            case 10:
                if longLine == nil, index - lineStart > maxLineBytes { longLine = line + linesSeen }
                linesSeen += 1
                index += 1
                lineStart = index
                closeToken()
                if depth == 0 {
                    line += linesSeen
                    if longLine == nil { report(pending, dropped: droppedPending) }
                    return (index, longLine)
                }
            case UInt8(ascii: " "), UInt8(ascii: "\t"), 13:
                closeToken()
                index += 1
            case UInt8(ascii: ";"):
                closeToken()
                while index < input.count, input[index] != 10 { index += 1 }
            case 0:
                note(ZoneTokenIssue(line: line + linesSeen, message: "the line contains a NUL byte; the text after it is ignored"))
                closeToken()
                while index < input.count, input[index] != 10 { index += 1 }
            case UInt8(ascii: "("):
                closeToken()
                if depth == 0 { openLine = line + linesSeen }
                depth += 1
                index += 1
            case UInt8(ascii: ")"):
                closeToken()
                if depth == 0 {
                    note(ZoneTokenIssue(line: line + linesSeen, message: "a closing parenthesis has no opening one"))
                } else {
                    depth -= 1
                }
                index += 1
            default:
                if tokenStart < 0 { tokenStart = scratch.count }
                if byte == UInt8(ascii: "\"") { quoted = true }
                if byte == UInt8(ascii: "\\"), index + 1 < input.count {
                    scratch.append(byte)
                    index += 1
                }
                // The bytes after it that need no attention are copied as one run, not one by one.
                var end = index + 1
                if !quoted {
                    while end < input.count, ZoneTokenizer.isPlain(input[end]) { end += 1 }
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[index..<end]))
                index = end
            }
        }
        if !final { return nil }
        closeToken()
        if longLine == nil, index - lineStart > maxLineBytes { longLine = line + linesSeen }
        if longLine == nil {
            report(pending, dropped: droppedPending)
            if quoted {
                report(ZoneTokenIssue(line: line + linesSeen, message: "a quoted string is not closed before the end of the file"))
            }
            if depth > 0 {
                report(ZoneTokenIssue(line: openLine, message: "an opening parenthesis is never closed"))
            }
        }
        line += linesSeen
        return (index, longLine)
    }

    /// The common record, one line of plain words, emitted straight into `batch`: what `logicalRecord` and `emit`
    /// would write, without building `scratch` and `tokens` first (most of the reading's work on the main
    /// thread). Quoted strings closed on the line are taken too. Returns nil, having changed nothing, for any
    /// line that needs the general path: escapes outside quotes, comments, parentheses or NUL in it, a directive,
    /// a line too long or cut off by the block, or a zone without `$TTL` (where a record's TTL may set the default).
    private mutating func plainLineRecord(_ input: UnsafeBufferPointer<UInt8>, from start: Int,
                                          into batch: inout RecordBatch) -> Int? {
        guard explicitDefaultTTL, let base = input.baseAddress else { return nil }
        let limit = input.count - start > maxLineBytes ? start + maxLineBytes + 1 : input.count
        var index = start
        var firstWord = -1, ownerEnd = -1, lastEnd = -1
        // Whether the words are one space apart, so the text from the first to the last is the record as it is.
        var oneSpaceApart = true
        var hasQuotes = false
        var inWord = false
        while true {
            guard index < limit else { return nil }
            let byte = base[index]
            if byte == 10 { break }
            let plain: Bool
            if byte > 41, byte != UInt8(ascii: ";"), byte != UInt8(ascii: "\\") {
                plain = true
            } else {
                switch byte {
                case 32, 9, 13: plain = false
                case 0, UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ";"), UInt8(ascii: "\\"): return nil
                default: plain = true
                }
            }
            if plain != inWord {
                if plain {
                    if firstWord < 0 {
                        firstWord = index
                    } else if index - lastEnd != 1 || base[lastEnd] != 32 {
                        oneSpaceApart = false
                    }
                } else {
                    lastEnd = index
                    if ownerEnd < 0 { ownerEnd = index }
                }
                inWord = plain
            }
            if byte == UInt8(ascii: "\"") {
                // A quoted string closed on this line is part of its word, spaces and all.
                guard let closing = ZoneTokenizer.closingQuote(base, from: index + 1, limit: limit) else { return nil }
                hasQuotes = true
                index = closing
            }
            index += 1
        }
        if inWord {
            lastEnd = index
            if ownerEnd < 0 { ownerEnd = index }
        }
        let inherits = base[start] == 32 || base[start] == 9
        if firstWord >= 0, !inherits, base[firstWord] == UInt8(ascii: "$") { return nil }
        let recordLine = line
        line += 1
        guard firstWord >= 0 else { return index + 1 }
        beginRecord(line: recordLine, inherits: inherits,
                    owner: UnsafeBufferPointer(start: base + firstWord, count: ownerEnd - firstWord), into: &batch)
        let from = batch.text.count
        UnsafeBufferPointer(start: base + firstWord, count: lastEnd - firstWord).withMemoryRebound(to: CChar.self) {
            batch.text.append(contentsOf: $0)
        }
        if !oneSpaceApart { ZoneTokenizer.collapseSpaces(in: &batch.text, from: from, skippingQuotes: hasQuotes) }
        batch.text.append(0)
        return index + 1
    }

    private mutating func emit(scratch: [UInt8], tokens: [Range<Int>], firstLine: Int, into batch: inout RecordBatch) {
        // Only the inherit marker (index 0) can be empty; every closed token has bytes.
        let inherits = tokens.first?.isEmpty == true
        let words = inherits ? tokens[1...] : tokens[...]
        guard let first = words.first else { return }
        if !inherits, scratch[first.lowerBound] == UInt8(ascii: "$") {
            directive(scratch: scratch, words: Array(words), line: firstLine)
            return
        }
        if !explicitDefaultTTL {
            let ttlWord = inherits ? first : (words.count > 1 ? words[words.startIndex + 1] : nil)
            if let ttlWord, let digit = scratch[ttlWord].first, digit >= 48, digit <= 57,
               let ttl = TTLText.seconds(String(decoding: scratch[ttlWord], as: UTF8.self)) {
                switchContext(origin: currentOrigin, defaultTTL: ttl)
            }
        }
        scratch[first].withUnsafeBufferPointer { beginRecord(line: firstLine, inherits: inherits, owner: $0, into: &batch) }
        // The words sit in `scratch` one space apart (see `closeToken`): one copy from the first to the last.
        append(scratch[first.lowerBound..<words.last!.upperBound], to: &batch.text)
        batch.text.append(0)
    }

    /// Starts a record in `batch`: its line and context, then its owner, written out when the record inherits
    /// the last one, else kept as the last written (the record's own text begins with it).
    private mutating func beginRecord(line: Int, inherits: Bool, owner: UnsafeBufferPointer<UInt8>, into batch: inout RecordBatch) {
        batch.starts.append(Int32(batch.text.count))
        batch.lines.append(Int32(line))
        batch.contexts.append(context)
        if inherits {
            append(inheritedOwner()[...], to: &batch.text)
            batch.text.append(32)
        } else {
            lastOwnerSpelling.removeAll(keepingCapacity: true)
            lastOwnerSpelling.append(contentsOf: owner)
            lastOwnerOrigin = currentOrigin
            lastOwnerAbsolute = nil
        }
    }

    /// The absolute form of the last written owner, computed once and only when a record inherits it.
    private mutating func inheritedOwner() -> [UInt8] {
        if let lastOwnerAbsolute { return lastOwnerAbsolute }
        let absolute = ZoneTokenizer.absolute(lastOwnerSpelling, origin: lastOwnerOrigin)
        lastOwnerAbsolute = absolute
        return absolute
    }

    /// Copies the bytes whole, as C characters (the same bits).
    private func append(_ bytes: ArraySlice<UInt8>, to text: inout [CChar]) {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { text.append(contentsOf: $0) }
        }
    }

    private mutating func directive(scratch: [UInt8], words: [Range<Int>], line: Int) {
        let name = String(decoding: scratch[words[0]], as: UTF8.self).uppercased()
        let arguments = words.dropFirst().map { String(decoding: scratch[$0], as: UTF8.self) }
        switch name {
        case "$ORIGIN":
            guard let value = arguments.first else {
                report(ZoneTokenIssue(line: line, message: "$ORIGIN needs a domain name"))
                return
            }
            let origin = String(decoding: absolute(Array(value.utf8)), as: UTF8.self)
            guard origin.utf8.count <= 255, DNSName(origin).wire != nil else {
                report(ZoneTokenIssue(line: line, message: "$ORIGIN \(Excerpt.text(value)) is not a valid domain name"))
                return
            }
            switchContext(origin: origin, defaultTTL: contexts[Int(context)].defaultTTL)
            originSwitches.append(OriginSwitch(line: line, origin: DNSName(origin)))
        case "$TTL":
            guard let value = arguments.first, let ttl = TTLText.seconds(value) else {
                report(ZoneTokenIssue(line: line, message: "$TTL needs a TTL such as 3600 or 1h" + (arguments.first.map { ", not \(Excerpt.text($0))" } ?? "")))
                return
            }
            explicitDefaultTTL = true
            switchContext(origin: currentOrigin, defaultTTL: ttl)
        case "$INCLUDE":
            guard let path = arguments.first else {
                report(ZoneTokenIssue(line: line, message: "$INCLUDE needs a file name"))
                return
            }
            let origin = arguments.count > 1 ? String(decoding: absolute(Array(arguments[1].utf8)), as: UTF8.self) : currentOrigin
            includes.append(IncludeRequest(path: path.trimmingQuotes, origin: origin, line: line))
        case "$GENERATE":
            report(ZoneTokenIssue(line: line, message: "$GENERATE (a BIND extension) is not supported; the records it would create are not checked"))
        default:
            report(ZoneTokenIssue(line: line, message: "unknown directive \(Excerpt.text(name)); zone files know $ORIGIN, $TTL and $INCLUDE"))
        }
    }

    private mutating func switchContext(origin: String, defaultTTL: UInt32) {
        let wanted = ZoneParseContext(origin: origin, defaultTTL: defaultTTL)
        if let existing = contextIndex[wanted] {
            context = existing
        } else if contexts.count < Int(UInt32.max) {
            contexts.append(wanted)
            context = UInt32(contexts.count - 1)
            contextIndex[wanted] = context
        }
    }
}

extension String {
    var trimmingQuotes: String {
        count >= 2 && hasPrefix("\"") && hasSuffix("\"") ? String(dropFirst().dropLast()) : self
    }
}
