@testable import DNSLintModel
import Testing

/// Finding arguments behave as the dictionary they replaced: one value a key, equal whatever the order they
/// were written in, and read back in key order (the JSON report's order).
@Suite struct FindingArgumentsTests {
    @Test func keysReadInOrderWhateverTheWritingOrder() {
        let written: FindingArguments = ["zeta": .int(1), "aTTL": .int(300), "aaaaTTL": .int(3600), "Upper": .bool(true)]
        #expect(written.map { $0.key } == ["Upper", "aTTL", "aaaaTTL", "zeta"])
        let dictionary: [String: ArgumentValue] = ["zeta": .int(1), "aTTL": .int(300), "aaaaTTL": .int(3600), "Upper": .bool(true)]
        #expect(FindingArguments(dictionary) == written)
        #expect(written.map { $0.key } == dictionary.keys.sorted())
    }

    @Test func subscriptSetsReplacesAndRemoves() {
        var arguments: FindingArguments = [:]
        #expect(arguments.isEmpty)
        arguments["b"] = .string("x")
        arguments["a"] = .int(1)
        arguments["b"] = .string("y")
        #expect(arguments.count == 2 && arguments["b"] == .string("y") && arguments["a"] == .int(1))
        arguments["a"] = nil
        arguments["missing"] = nil
        #expect(arguments.keys == ["b"] && arguments["a"] == nil)
    }

    @Test func mergeKeepsWhatTheCombinerPicks() {
        let base: FindingArguments = ["plugin": .string("cache"), "corednsVersion": .string("1.11.1")]
        let merged = base.merging(["plugin": .string("forward"), "extra": .int(2)]) { $1 }
        #expect(merged == ["plugin": .string("forward"), "corednsVersion": .string("1.11.1"), "extra": .int(2)])
        #expect(base.merging(["plugin": .string("forward")]) { first, _ in first }["plugin"] == .string("cache"))
    }

    @Test func equalArgumentsHashAlike() {
        let first: FindingArguments = ["a": .int(1), "b": .ints([1, 2])]
        var second: FindingArguments = [:]
        second["b"] = .ints([1, 2])
        second["a"] = .int(1)
        #expect(first == second && first.hashValue == second.hashValue)
        #expect(Set([first, second]).count == 1)
    }
}
