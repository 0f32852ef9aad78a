@testable import DNSLintModel
import Testing

/// The placeholder scanners read bytes; these regexes are what they promise to match. Random texts over
/// the characters that matter (and the shapes real templates use) must give the same answers both ways.
@Suite struct CorefilePlaceholdersTests {
    private static func regexFind(_ text: String) -> [String] {
        var found: [String] = []
        func add(_ value: String) { if !found.contains(value) { found.append(value) } }
        let pillar = #/__[A-Z0-9]+(?:_{1,2}[A-Z0-9]+)*__/#
        let percent = #/%\{[A-Za-z0-9_]+\}%/#
        for match in text.matches(of: pillar) { add(String(match.output)) }
        var rest = text.replacing(pillar, with: " ")
        for match in text.matches(of: percent) { add(String(match.output)) }
        rest = rest.replacing(percent, with: " ")
        for word in rest.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_")) }) {
            let word = String(word)
            if CorefilePlaceholders.knownWords.contains(word) || word.contains(#/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/#) {
                add(word)
            }
        }
        return found
    }

    private static func regexEnvironment(_ text: String) -> Bool {
        text.contains(#/\{\$[^}]+\}/#) || text.contains(#/\{%[^%]+%\}/#)
    }

    @Test(arguments: [
        "__PILLAR__DNS__SERVER__", "__A___B__", "___A__", "__A_B__C__", "__A__B", "x__DNS__DOMAIN__.y",
        "%{CLUSTER_DOMAIN}%", "%{__A__}%", "UPSTREAMNAMESERVER", "STUB_DOMAINS:53", "{$UPSTREAM}", "{%PORT%}",
        "{$}", "{%%}", "{% x %", "{$ x", "forward . __UP__ %{X}% A_B",
    ])
    func knownShapesAgreeWithTheRegexes(text: String) {
        #expect(CorefilePlaceholders.find(in: text) == Self.regexFind(text))
        #expect(CorefilePlaceholders.hasEnvironmentReference(text) == Self.regexEnvironment(text))
    }

    /// A long token of openers: the answer depends only on whether a `}` follows, whatever its length.
    @Test func manyOpenersAreJudgedByTheLastClose() {
        let openers = String(repeating: "{$", count: 32_768)
        #expect(!CorefilePlaceholders.hasEnvironmentReference(openers))
        #expect(CorefilePlaceholders.hasEnvironmentReference(openers + "}"))
        #expect(CorefilePlaceholders.hasEnvironmentReference(openers + "}") == Self.regexEnvironment("{$" + "x}"))
    }

    @Test func randomTextsAgreeWithTheRegexes() {
        let alphabet = Array("_AB9a%{}$ .")
        var generator = SeededRandom(state: 7)
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...14, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(CorefilePlaceholders.find(in: text) == Self.regexFind(text), "\(text)")
            #expect(CorefilePlaceholders.hasEnvironmentReference(text) == Self.regexEnvironment(text), "\(text)")
        }
    }
}
