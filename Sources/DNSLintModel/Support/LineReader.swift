#if canImport(Glibc)
import Glibc
#endif

/// Reads a regular file's lines forward, a block at a time, keeping at most a given number of bytes of each:
/// memory stays at one block whatever the file holds (a 300 MB file of NULs is one "line" read through, not
/// held). Lines are numbered as editors number them: a file of N line breaks has N + 1 lines, the last
/// possibly empty.
package final class LineReader {
    static let blockSize = 1 << 16

    private let file: RegularFile
    private var block: [UInt8] = []
    private var position = 0
    private var endOfFile = false
    /// Every line was handed out, the last one (after the final line break, maybe empty) too.
    private var finished = false
    /// The number the next line `next` returns will have.
    package private(set) var nextNumber = 1

    /// Opens `path`; nil for anything but a regular file of at most `limit` bytes.
    package init?(path: String, limit: Int) {
        guard case .success(let file) = RegularFile.open(path, limit: limit) else { return nil }
        self.file = file
    }

    /// The line `advance` read last: its first `keep` bytes (without its CR LF or LF). Reused from line to
    /// line, so scanning a file of a million lines allocates nothing per line.
    package private(set) var line: [UInt8] = []
    /// The line `advance` read last was longer than what `line` holds.
    package private(set) var lineWasCut = false

    /// The next line's first `keep` bytes, and whether the line was longer; nil after the last line.
    package func next(keep: Int) -> (bytes: [UInt8], cut: Bool)? {
        advance(keep: keep) ? (line, lineWasCut) : nil
    }

    /// Reads the next line into `line`; false after the last line.
    package func advance(keep: Int) -> Bool {
        guard !finished else { return false }
        line.removeAll(keepingCapacity: true)
        var cut = false
        while true {
            if position >= block.count {
                guard refill() else {
                    finished = true
                    break
                }
            }
            let lineBreak = nextBreak()
            let end = lineBreak ?? block.count
            let foundBreak = lineBreak != nil
            // The CR of a CR LF is not part of the line.
            let contentEnd = foundBreak && end > position && block[end - 1] == 13 ? end - 1 : end
            let room = keep - line.count
            if room > 0 { line += block[position..<min(contentEnd, position + room)] }
            if contentEnd - position > max(0, room) { cut = true }
            position = foundBreak ? end + 1 : end
            if foundBreak { break }
        }
        if !cut, line.last == 13 { line.removeLast() }
        lineWasCut = cut
        nextNumber += 1
        return true
    }

    /// Reads the next line holding `needle` into `line`, as `advance` would, passing over the lines before
    /// it without copying them: the rest of each block is searched whole, and a line is read line-wise only
    /// when it holds a match or runs past the block's end (a match may straddle two blocks). A file without
    /// the needle costs a memchr per block, not a copy per line. False once no line holds it. A match past
    /// the first `keep` bytes of a long line is not in `line`; callers look in `line` for what they need.
    package func advance(toLineContaining needle: ByteNeedle, keep: Int) -> Bool {
        while !finished {
            // `position` is at a line's start here: every pass ends having read whole lines.
            if position < block.count {
                let hit = block.withUnsafeBytes { needle.firstMatch(in: $0, from: position) }
                passLines(before: hit ?? block.count)
            }
            guard advance(keep: keep) else { return false }
            if needle.isFound(in: line) { return true }
        }
        return false
    }

    /// Counts and passes over the complete lines between `position` and `end` (an offset in the block), so
    /// that `position` is at the start of the line holding `end`.
    private func passLines(before end: Int) {
        block.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            while position < end, let found = memchr(base + position, 10, end - position) {
                position = base.distance(to: UnsafeRawPointer(found)) + 1
                nextNumber += 1
            }
        }
    }

    /// Skips to line `number` (at or after `nextNumber`); false when the file has fewer lines.
    package func skip(to number: Int) -> Bool {
        while nextNumber < number {
            guard advance(keep: 0) else { return false }
        }
        return !finished
    }

    /// The index of the next LF in the block from `position`, found with `memchr`.
    private func nextBreak() -> Int? {
        let from = position
        return block.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress, let found = memchr(base + from, 10, raw.count - from) else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }

    private func refill() -> Bool {
        guard !endOfFile, let bytes = file.read(upTo: LineReader.blockSize), !bytes.isEmpty else {
            endOfFile = true
            return false
        }
        block = bytes
        position = 0
        return true
    }
}
