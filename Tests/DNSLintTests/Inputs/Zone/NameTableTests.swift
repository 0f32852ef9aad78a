@testable import DNSLintInputs
import LDNS
import Testing

/// The name table interns lower-case wire names to dense ids; its slots keep each name's hash beside its id.
@Suite struct NameTableTests {
    static func wire(_ text: String) -> [UInt8] { WireName.wire(fromText: text)! }

    @Test func namesGetDenseIdsAndTheSameNameTheSameIdAcrossGrowth() {
        var table = NameTable()
        // Enough names to grow the slots from 1,024 to 262,144 several times over.
        let names = (0..<100_000).map { NameTableTests.wire("h\($0).example.") }
        for (index, name) in names.enumerated() { #expect(table.intern(name) == Int32(index)) }
        #expect(table.count == names.count)
        for (index, name) in names.enumerated() where index % 997 == 0 {
            #expect(table.intern(name) == Int32(index))
            #expect(table.find(name) == Int32(index))
            #expect(Array(table.wire(Int32(index))) == name)
        }
        #expect(table.find(NameTableTests.wire("absent.example.")) == nil)
        #expect(table.count == names.count, "looking names up adds none")
    }

    /// Names whose hashes are equal are told apart by their bytes; the hash a caller gives is the one kept.
    @Test func equalHashesAreToldApartByTheNames() {
        var table = NameTable()
        let first = NameTableTests.wire("a.example.")
        let second = NameTableTests.wire("b.example.")
        let sameHash: UInt32 = 42
        let firstID = first.withUnsafeBufferPointer { table.intern($0, hash: sameHash) }
        let secondID = second.withUnsafeBufferPointer { table.intern($0, hash: sameHash) }
        #expect(firstID != secondID)
        #expect(second.withUnsafeBufferPointer { table.intern($0, hash: sameHash) } == secondID)
        #expect(first.withUnsafeBufferPointer { table.intern($0, hash: sameHash) } == firstID)
        #expect(table.count == 2)
    }

    /// The merge hands in hashes the parse workers computed: they must be the table's own.
    @Test func workerHashesAreTheTablesHashes() throws {
        let batch = try #require(RecordBatch.of(["www 300 IN CNAME Target.example.", "www 300 IN A 192.0.2.1"]))
        let parsed = RecordBatchParser.parse(batch, contexts: [ZoneParseContext(origin: "example.", defaultTTL: 300)], range: 0..<2)
        #expect(parsed.ownerHashes == [NameTable.hash(of: "www.example."), NameTable.hash(of: "www.example.")])
        #expect(parsed.targetHashes == [NameTable.hash(of: "target.example."), 0])
    }
}

extension NameTable {
    static func hash(of text: String) -> UInt32 {
        WireName.wire(fromText: text)!.withUnsafeBufferPointer { hash($0) }
    }
}

extension RecordBatch {
    /// A batch of normalised record lines, as the tokenizer writes them (NUL-terminated, one context).
    static func of(_ lines: [String]) -> RecordBatch? {
        var batch = RecordBatch()
        for (index, line) in lines.enumerated() {
            batch.starts.append(Int32(batch.text.count))
            batch.text.append(contentsOf: line.utf8CString)
            batch.lines.append(Int32(index + 1))
            batch.contexts.append(0)
        }
        return batch
    }
}
