import Foundation
import Testing
@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting

@Suite struct CorefileImportTests {
    @Test func fileAndGlobImportsSpliceWithTheirOwnLocations() throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let main = try folder.write("Corefile", """
            import servers/*.server
            .:53 {
                import common.conf
                forward . 192.0.2.53 {
                    prefer_udp
                }
            }
            """)
        try folder.write("common.conf", "errors\ncache 30\nforwrd . 192.0.2.1\n")
        try folder.write("servers/a.server", "a.example {\n    whoami\n}\n")
        try folder.write("servers/b.server", "b.example {\n    whoami\n}\n")
        try folder.write("servers/ignored.txt", "c.example {\n    whoami\n}\n")
        let file = try #require(InputFile.open(main))
        let result = try CorefileLoader().load(file, options: LintOptions())
        let corefile = try #require(result.inputs.first as? Corefile)
        #expect(result.findings.isEmpty)
        #expect(corefile.serverBlocks.map(\.title) == ["a.example", "b.example", ".:53"])
        #expect(corefile.serverBlocks[1].location.path == folder.url.path + "/servers/b.server")
        #expect(corefile.serverBlocks[1].location.includedFrom == [IncludeSite(path: main, line: 1)])
        let root = corefile.serverBlocks[2]
        #expect(root.directives.map(\.name) == ["errors", "cache", "forwrd", "forward"])
        #expect(root.directives[2].location.path == folder.url.path + "/common.conf")
        #expect(root.directives[2].location.line == 3)

        let unknown = try Lint.paths([main]).withCode("DNS2006")
        #expect(unknown.count == 1)
        #expect(unknown.first?.location?.path.hasSuffix("/common.conf") == true)
        #expect(unknown.first?.location?.includedFrom.first?.line == 3)
    }

    @Test func missingImportIsReportedAndOutsideImportIsNotFollowed() throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let main = try folder.write("conf/Corefile", """
            .:53 {
                import missing.conf
                import common
                import ../outside.conf
                import /etc/coredns/custom/*.override
                whoami
            }
            """)
        try folder.write("outside.conf", "forwrd . 192.0.2.1\n")
        let findings = try Lint.paths([main])
        let unreadable = findings.withCode("DNS0005")
        #expect(unreadable.map(\.location?.line) == [2, 3, 4, 5])
        #expect(unreadable.filter { $0.severity == .error }.map(\.location?.line) == [2, 3])
        #expect(unreadable[1].message.contains("no snippet '(common)'"))
        #expect(findings.withCode("DNS2006").isEmpty)

        let followed = try Lint.paths([main], ["--allow-include-outside"])
        #expect(followed.withCode("DNS2006").count == 1)
    }

    @Test func mutuallyImportingFilesStop() throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let main = try folder.write("Corefile", ".:53 {\n    import a.conf\n}\n")
        try folder.write("a.conf", "whoami\nimport b.conf\n")
        try folder.write("b.conf", "import a.conf\n")
        let findings = try Lint.paths([main]).withCode("DNS0002")
        #expect(findings.count == 1)
        #expect(findings[0].message.contains("import itself"))
    }

    @Test func embeddedImportsAreRecordedNotFollowed() {
        let result = CorefileLoader().loadEmbedded(text: ".:53 {\n    import /etc/coredns/custom/*.override\n}\nimport /etc/coredns/custom/*.server\n",
                                                   path: "cm.yaml", lineMap: [5, 6, 7, 8], columnOffset: 4, options: LintOptions())
        let corefile = result.inputs.first as? Corefile
        #expect(result.findings.isEmpty)
        #expect(corefile?.unresolvedImports.map(\.location.line) == [6, 8])
    }

    @Test func recognisesCorefilesByNameAndContent() {
        func file(_ name: String, _ text: String) -> InputFile {
            InputFile(path: name, url: URL(fileURLWithPath: "/x/" + name), head: Array(text.utf8))
        }
        let loader = CorefileLoader()
        #expect(loader.recognize(file("Corefile", "")) == .byName)
        #expect(loader.recognize(file("dns.corefile", "")) == .byName)
        #expect(loader.recognize(file("Corefile.prod", "")) == .byName)
        #expect(loader.recognize(file("Corefile.yaml", "apiVersion: v1\n")) == .no)
        #expect(loader.recognize(file("coredns.conf", ".:53 {\n    forward . 8.8.8.8\n}\n")) == .byContent)
        #expect(loader.recognize(file("cm.txt", "apiVersion: v1\ndata:\n  Corefile: |\n    .:53 {\n      errors\n")) == .no)
        #expect(loader.recognize(file("notes.txt", "nameserver 10.0.0.10\nsearch a b\n")) == .no)
    }
}
