import DNSLintModel
import Testing

/// `isSubdomain(of:)` and `relative(to:)` compare bytes; these are the string definitions they keep.
@Suite struct DNSNameTests {
    private static func stringIsSubdomain(_ name: String, of other: String) -> Bool {
        if other == "." || name == other { return true }
        guard name.count > other.count, name.hasSuffix("." + other) else { return false }
        let stem = name.dropLast(other.count + 1)
        return stem.isEmpty || !stem.hasSuffix("\\")
    }

    private static func stringRelative(_ name: String, to origin: String) -> String {
        if origin == "." { return name }
        if name == origin { return "@" }
        return name.hasSuffix("." + origin) ? String(name.dropLast(origin.count + 1)) : name
    }

    @Test(arguments: [
        ("api.example.com.", "example.com.", true, "api"),
        ("example.com.", "example.com.", true, "@"),
        ("badexample.com.", "example.com.", false, "badexample.com."),
        ("a\\.example.com.", "example.com.", false, "a\\"),
        ("com.", "example.com.", false, "com."),
        ("x.y.", ".", true, "x.y."),
    ])
    func knownNames(name: String, origin: String, below: Bool, relative: String) {
        #expect(DNSName(normalized: name).isSubdomain(of: DNSName(normalized: origin)) == below)
        #expect(DNSName(normalized: name).relative(to: DNSName(normalized: origin)) == relative)
    }

    @Test func randomNamesAgreeWithTheStringDefinitions() {
        let labels = ["a", "b", "ab", "com", "example", "\\.", "x\\"]
        var generator = SeededRandom(state: 11)
        func name() -> String {
            let count = Int.random(in: 0...4, using: &generator)
            return count == 0 ? "." : (0..<count).map { _ in labels.randomElement(using: &generator)! }.joined(separator: ".") + "."
        }
        for _ in 0..<5_000 {
            let (one, other) = (name(), name())
            #expect(DNSName(normalized: one).isSubdomain(of: DNSName(normalized: other)) == Self.stringIsSubdomain(one, of: other), "\(one) \(other)")
            #expect(DNSName(normalized: one).relative(to: DNSName(normalized: other)) == Self.stringRelative(one, to: other), "\(one) \(other)")
        }
    }

    /// A spelling said to be normal is one `DNSName` keeps as it is, so the fast path that skips lower-casing
    /// recorded names can never read a name differently from the slow one.
    @Test(arguments: [
        ("www.example.com.", true), (".", true), ("a-b_c.", true), ("x\\.y.", true),
        ("WWW.example.com.", false), ("www.example.com", false), ("a\\.", false), ("", false), ("@", false), ("é.", false),
    ])
    func normalSpellings(text: String, normal: Bool) {
        #expect(DNSName.isNormalizedSpelling(text) == normal)
        if normal { #expect(DNSName(text).text == text) }
    }

    @Test func everyNormalSpellingIsKeptAsItIs() {
        let pieces = ["a", "Z", "\\", ".", "-", "é", "0"]
        var generator = SeededRandom(state: 5)
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            if DNSName.isNormalizedSpelling(text) { #expect(DNSName(text).text == text, "\(text)") }
        }
    }
}
