@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting
import Foundation
import Testing

/// Every real resolv.conf, manifest and ConfigMap in the shared corpus loads without a crash or exit 2.
@Suite(.needsShared) struct ResolverCorpusTests {
    static var files: [URL] {
        ["resolvconf", "k8s", "configmaps"].flatMap { folder -> [URL] in
            let url = TestPaths.corpus(folder)
            return ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted().map { url.appendingPathComponent($0) }
        }
    }

    @Test(arguments: files)
    func loadsWithoutUsageErrors(_ file: URL) throws {
        let kind: InputKind = file.path.contains("/resolvconf/") ? .resolvConf : .manifest
        for libc in Libc.allCases {
            let findings = try Lint.paths([file.path], ["--kind", kind.rawValue, "--libc", libc.rawValue])
            // Templates are notes; a document that does not parse is the only error an input may add here.
            #expect(!findings.contains { $0.ruleCode == "DNS0004" && $0.severity == .error }, "\(findings.map(\.message))")
            #expect(!findings.contains { $0.ruleCode == "DNS0005" })
        }
    }

    @Test func corpusHoldsEveryKindOfFile() {
        let paths = Self.files.map(\.path)
        #expect(paths.filter { $0.contains("/resolvconf/") }.count >= 20)
        #expect(paths.filter { $0.contains("/k8s/") }.count >= 8)
        #expect(paths.filter { $0.contains("/configmaps/") }.count >= 5)
    }

    @Test func corpusBehavesLikeGlibcSaysItDoes() throws {
        let folder = TestPaths.corpus("resolvconf")
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
