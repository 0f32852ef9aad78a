@testable import DNSLintInputs
@testable import DNSLintModel
import Foundation
import Testing

/// `LineReader.advance(toLineContaining:)` searches whole blocks and reads line-wise only around a match: it
/// must hand out exactly the lines, and line numbers, that reading every line and keeping those holding the
/// needle gives, wherever blocks end (the `$INCLUDE` scan of folder scans and the suppression scan use it).
@Suite struct LineSearchTests {
    /// A small deterministic generator: the same texts on every run.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func lines(_ reader: LineReader, keep: Int) -> [(Int, [UInt8])] {
        var all: [(Int, [UInt8])] = []
        while reader.advance(keep: keep) { all.append((reader.nextNumber - 1, reader.line)) }
        return all
    }

    static func found(_ reader: LineReader, _ needle: ByteNeedle, keep: Int) -> [(Int, [UInt8])] {
        var all: [(Int, [UInt8])] = []
        while reader.advance(toLineContaining: needle, keep: keep) { all.append((reader.nextNumber - 1, reader.line)) }
        return all
    }

    static func same(_ left: [(Int, [UInt8])], _ right: [(Int, [UInt8])]) -> Bool {
        left.count == right.count && zip(left, right).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    @Test(arguments: 0..<12)
    func theSearchGivesTheLinesAFullReadWouldKeep(_ seed: Int) throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        var random = Generator(state: UInt64(seed) &+ 0x9E37_79B9)
        let needles = ["$INCLUDE", "$include", "$Include", "dnslint:"]
        var text = ""
        // About four blocks of lines 0 to 3,000 bytes long (some past `keep`), CR LF or LF, the needles at any place.
        while text.utf8.count < 4 * LineReader.blockSize {
            var line = String(repeating: "x", count: random.next(3000))
            if random.next(4) == 0 {
                let at = line.index(line.startIndex, offsetBy: random.next(line.count + 1))
                line.insert(contentsOf: needles[random.next(needles.count)], at: at)
            }
            text += line + (random.next(5) == 0 ? "\r\n" : "\n")
        }
        if seed % 2 == 1 { text.removeLast() }
        let path = try folder.write("f.zone", text)
        for (needle, keep) in [(ByteNeedle("$include", ignoringCase: true), 4096), (ByteNeedle("dnslint:"), 1000)] {
            let expected = Self.lines(try #require(LineReader(path: path, limit: .max)), keep: keep).filter { needle.isFound(in: $0.1) }
            let got = Self.found(try #require(LineReader(path: path, limit: .max)), needle, keep: keep)
            #expect(Self.same(got, expected), "seed \(seed): \(got.map(\.0)) against \(expected.map(\.0))")
        }
    }

    /// The needle split by a block's end, and on the first and the last line.
    @Test func aNeedleAcrossTwoBlocksIsFound() throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let head = "$include first.inc\n"
        // Filler lines up to 4 bytes before the first block's end, where the next directive starts.
        let fill = LineReader.blockSize - 4 - head.utf8.count
        let filler = String(repeating: "a\n", count: fill / 2 - 1) + (fill % 2 == 1 ? "aa\n" : "a\n")
        let text = head + filler + "$InClUdE across.inc\nwww IN A 192.0.2.1\n$INCLUDE last.inc"
        #expect((head + filler).utf8.count == LineReader.blockSize - 4)
        let path = try folder.write("f.zone", text)
        let found = Self.found(try #require(LineReader(path: path, limit: .max)), IncludedFiles.directive, keep: 4096)
        let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(found.map(\.0) == [1, lastLine - 2, lastLine])
        #expect(IncludedFiles.includes(in: path, limit: .max).map { ($0 as NSString).lastPathComponent } == ["first.inc", "across.inc", "last.inc"])
    }

    @Test func needlesMatchWhereTheyShould() {
        func first(_ needle: ByteNeedle, _ text: String) -> Int? { Array(text.utf8).withUnsafeBytes { needle.firstMatch(in: $0) } }
        let include = ByteNeedle("$include", ignoringCase: true)
        #expect(first(include, "x $INCLUDE y") == 2)
        #expect(first(include, "$$iNcLuDe") == 1)
        #expect(first(include, "$includ") == nil)
        #expect(first(include, "") == nil)
        let marker = ByteNeedle("dnslint:")
        #expect(first(marker, "DNSLINT: x") == nil, "case counts unless asked")
        #expect(first(marker, "ddnslint:") == 1)
        #expect(first(ByteNeedle("ab", ignoringCase: true), "xxAB") == 2, "a letter first is matched in either case")
    }
}
