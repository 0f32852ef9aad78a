@testable import DNSLintModel
@testable import DNSLintRules
import Foundation
import Testing

@Suite struct RegistryTests {
    @Test func rulesAreListedOnceInCodeOrder() {
        let codes = RuleRegistry.all.map(\.metadata.code)
        #expect(codes == codes.sorted(), "RuleRegistry.all must list rules in code order")
        #expect(Set(codes).count == codes.count, "a code is registered twice")
        let names = RuleRegistry.all.map(\.metadata.name)
        #expect(Set(names).count == names.count, "a name is registered twice")
    }

    /// Every rule file defines a rule the registry lists: a new rule cannot be forgotten.
    @Test func everyRuleFileIsRegistered() throws {
        let folder = TestPaths.packageRoot.appendingPathComponent("Sources/DNSLintRules")
        var declared = Set<String>()
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
        where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in text.matches(of: /code: "(DNS\d{4})"/) { declared.insert(String(match.1)) }
        }
        #expect(declared == Set(RuleRegistry.all.map(\.metadata.code)))
    }
}
