import Foundation
import Testing
@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting

/// Real-world Corefiles and ConfigMaps from `../shared/corpus` (read in place, never copied into the repository).
@Suite(.needsShared)
struct CorefileCorpusTests {
    static var corefiles: String { TestPaths.corpus("corefiles").path }
    static let broken = ["PR4637", "PR7571"]

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corefiles)) ?? []).sorted()
    }

    @Test func everyCorpusCorefileParsesWithoutCrash() throws {
        #expect(Self.names.count >= 30)
        for name in Self.names {
            let path = Self.corefiles + "/" + name
            let file = try #require(InputFile.open(path))
            #expect(CorefileLoader().recognize(file) == .byName)
            let result = try CorefileLoader().load(file, options: LintOptions())
            let corefile = try #require(result.inputs.first as? Corefile, "\(name)")
            #expect(!corefile.serverBlocks.isEmpty, "\(name)")
            _ = try Lint.paths([path])
            let errors = result.findings.filter { $0.ruleCode == "DNS0002" && $0.severity == .error }
            if Self.broken.contains(where: name.contains) {
                #expect(!errors.isEmpty, "\(name) is broken but gave no syntax error")
            } else {
                #expect(errors.isEmpty, "\(name): \(errors.map(\.message))")
            }
        }
    }

    @Test func brokenFilesReportTheRightLines() throws {
        let pr4637 = try #require(Self.names.first { $0.contains("PR4637") })
        let first = try Lint.paths([Self.corefiles + "/" + pr4637]).withCode("DNS0002")
        #expect(first.contains { $0.location?.line == 1 && $0.severity == .error && $0.message.contains("non-ASCII") })

        let pr7571 = try #require(Self.names.first { $0.contains("PR7571") })
        let second = try Lint.paths([Self.corefiles + "/" + pr7571]).withCode("DNS0002")
        #expect(second.contains { $0.location?.line == 3 && $0.location?.column == 11 && $0.message.contains("'}'") })
        #expect(second.contains { $0.location?.line == 1 && $0.severity == .error })
        #expect(second.contains { $0.location?.line == 1 && $0.severity == .warning && $0.message.contains("UTF-8") })
    }

    @Test func templatesGiveOneNoteAndNoErrors() throws {
        let templates = Self.names.filter { name in
            let text = (try? String(contentsOfFile: Self.corefiles + "/" + name, encoding: .utf8)) ?? ""
            return text.contains("__") || text.contains("UPSTREAMNAMESERVER") || text.contains("CLUSTER_DOMAIN")
        }
        #expect(templates.count >= 5)
        for name in templates {
            let findings = try Lint.paths([Self.corefiles + "/" + name])
            let notes = findings.withCode("DNS0008")
            #expect(notes.count == 1 && notes[0].severity == .note, "\(name): \(notes.map(\.message))")
            #expect(findings.withCode("DNS0002").isEmpty, "a template is not a syntax error: \(name)")
        }
    }

    /// ConfigMaps' `data.Corefile`, cut out here the simple way, map back to the YAML lines.
    @Test func embeddedCorefilesMapToConfigMapLines() throws {
        let folder = TestPaths.corpus("configmaps").path
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let lines = try String(contentsOfFile: folder + "/" + name, encoding: .utf8).components(separatedBy: "\n")
            guard let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("Corefile: |") }) else { continue }
            let indent = lines[start + 1].prefix { $0 == " " }.count
            var body: [String] = []
            var lineMap: [Int] = []
            for index in (start + 1)..<lines.count {
                let line = lines[index]
                if !line.trimmingCharacters(in: .whitespaces).isEmpty, line.prefix(while: { $0 == " " }).count < indent { break }
                body.append(String(line.dropFirst(min(indent, line.count))))
                lineMap.append(index + 1)
            }
            let result = CorefileLoader().loadEmbedded(text: body.joined(separator: "\n"), path: name, lineMap: lineMap,
                                                       columnOffset: indent, options: LintOptions())
            let corefile = try #require(result.inputs.first as? Corefile)
            for block in corefile.serverBlocks {
                for directive in block.directives {
                    let yamlLine = lines[directive.location.line - 1]
                    let column = yamlLine.index(yamlLine.startIndex, offsetBy: directive.location.column - 1)
                    #expect(yamlLine[column...].hasPrefix(directive.name), "\(name): \(directive.name) at \(directive.location)")
                }
            }
            #expect(result.findings.allSatisfy { $0.location?.path == name })
        }
    }
}
