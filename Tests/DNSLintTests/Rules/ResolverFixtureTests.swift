@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting
import Foundation
import Testing

/// resolv.conf and manifest fixtures carry their expectations inline. resolv.conf has no trailing
/// comments (a `#` after a search domain is a search domain), so there `# @expect DNS3001` stands on its
/// own line and applies to the next line; in YAML it sits at the end of the line it is about.
/// `# @options --libc musl` sets lint options for the file.
@Suite struct ResolverFixtureTests {
    struct Expectation: Hashable, CustomStringConvertible {
        var line: Int
        var code: String
        var description: String { "\(line) \(code)" }
    }

    static let files: [URL] = ["resolvconf", "kubernetes"].flatMap { folder -> [URL] in
        let url = TestPaths.fixtures(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.sorted().map { url.appendingPathComponent($0) }
    }

    static func expectations(_ text: String, sameLine: Bool) -> (expected: Set<Expectation>, arguments: [String]) {
        var expected = Set<Expectation>()
        var arguments: [String] = []
        var pending: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: "@options ") {
                arguments += line[range.upperBound...].split(separator: " ").map(String.init)
            }
            let codes = line.range(of: "@expect ").map { range in
                line[range.upperBound...].split(separator: " ").filter { $0.hasPrefix("DNS") }.map { String($0.prefix(7)) }
            } ?? []
            if sameLine {
                codes.forEach { expected.insert(Expectation(line: index + 1, code: $0)) }
            } else if !codes.isEmpty {
                pending += codes
            } else if !pending.isEmpty {
                pending.forEach { expected.insert(Expectation(line: index + 1, code: $0)) }
                pending = []
            }
        }
        return (expected, arguments)
    }

    @Test func fixturesExist() {
        #expect(Self.files.count >= 8)
    }

    @Test(arguments: files)
    func inlineExpectationsMatchFindings(_ file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let (expected, arguments) = Self.expectations(text, sameLine: file.pathExtension == "yaml")
        let options = try LintArguments.options(from: arguments)
        let findings = try Linter.run(paths: [file.path], options: options).findings
        let actual = Set(findings.compactMap { finding in finding.location.map { Expectation(line: $0.line, code: finding.ruleCode) } })
        #expect(actual.subtracting(expected).isEmpty, "unexpected in \(file.lastPathComponent): \(findings.filter { f in !expected.contains(Expectation(line: f.location?.line ?? 0, code: f.ruleCode)) }.map(\.message))")
        #expect(expected.subtracting(actual).isEmpty, "missing in \(file.lastPathComponent): \(expected.subtracting(actual).sorted { $0.line < $1.line })")
    }

    @Test func podFindingsAreWarningsAndHostFindingsNotes() throws {
        let pod = try Linter.run(paths: [TestPaths.fixtures("kubernetes").appendingPathComponent("workloads.yaml").path], options: LintOptions())
        let host = try Linter.run(paths: [TestPaths.fixtures("resolvconf").appendingPathComponent("crowded.resolv.conf").path], options: LintOptions())
        #expect(pod.findings.filter { $0.ruleCode == "DNS3002" }.allSatisfy { $0.severity == .warning })
        #expect(host.findings.filter { $0.ruleCode == "DNS3002" }.map(\.severity) == [.note])
    }

    @Test func ndotsMessageGivesTheQueryCount() throws {
        let findings = try Linter.run(paths: [TestPaths.fixtures("resolvconf").appendingPathComponent("pod-eks.resolv.conf").path], options: LintOptions()).findings
        let ndots = try #require(findings.first { $0.ruleCode == "DNS3001" })
        #expect(ndots.message.contains("api.github.com send up to 10 queries"))
        #expect(ndots.arguments["queries"] == .int(10))
        #expect(ndots.location?.column == 9)
    }
}

/// Every real resolv.conf, manifest and ConfigMap in the shared corpus loads without a crash or exit 2.
@Suite struct ResolverCorpusTests {
    static var files: [URL] {
        guard let shared = TestPaths.shared else { return [] }
        return ["resolvconf", "k8s", "configmaps"].flatMap { folder -> [URL] in
            let url = shared.appendingPathComponent("corpus").appendingPathComponent(folder)
            return ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted().map { url.appendingPathComponent($0) }
        }
    }

    @Test(arguments: files)
    func loadsWithoutUsageErrors(_ file: URL) throws {
        let isResolvConf = file.path.contains("/resolvconf/")
        var options = LintOptions()
        options.kindOverride = isResolvConf ? .resolvConf : .manifest
        for libc in Libc.allCases {
            options.libc = libc
            let findings = try Linter.run(paths: [file.path], options: options).findings
            // Templates are notes; a document that does not parse is the only error an input may add here.
            #expect(!findings.contains { $0.ruleCode == "DNS0004" && $0.severity == .error }, "\(findings.map(\.message))")
            #expect(!findings.contains { $0.ruleCode == "DNS0005" })
        }
    }

    @Test func corpusBehavesLikeGlibcSaysItDoes() throws {
        guard let shared = TestPaths.shared else { return }
        let folder = shared.appendingPathComponent("corpus/resolvconf")
        func load(_ name: String) throws -> ResolvConf? {
            let file = try #require(InputFile.open(folder.appendingPathComponent(name).path))
            return try ResolvConfLoader().load(file, options: LintOptions()).inputs.first as? ResolvConf
        }
        // Expected values from glibc's own resolv/tst-resolv-res_init-skeleton.c.
        let repeated = try #require(try load("bminor-glibc__tst-resolv-res_init-skeleton__repeated-directives.resolv.conf")).effective(for: .glibc)
        #expect(repeated.searchDomains == ["example.org"] && repeated.ndots == 2 && repeated.has("use-vc") && repeated.has("edns0"))
        let range = try #require(try load("bminor-glibc__tst-resolv-res_init-skeleton__out-of-range-options.resolv.conf")).effective(for: .glibc)
        #expect(range.ndots == 15 && range.timeout == 30 && range.attempts == 5)
        let garbage = try #require(try load("bminor-glibc__tst-resolv-res_init-skeleton__garbage-after-nameserver.resolv.conf")).effective(for: .glibc)
        #expect(garbage.nameservers.map(\.text) == ["192.0.2.1", "192.0.2.3"])
        let values = try #require(try load("bminor-glibc__tst-resolv-res_init-skeleton__option-values-inet6.resolv.conf")).effective(for: .glibc)
        #expect(values.searchDomains == ["corp.example.com", "example.com"] && values.ndots == 3 && values.timeout == 19 && values.attempts == 5)
        #expect(values.nameservers.map(\.text) == ["192.0.2.1", "::1", "192.0.2.2"])
    }
}
