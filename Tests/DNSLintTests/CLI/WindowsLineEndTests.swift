import Foundation
import Testing

/// Files edited on Windows end their lines with CR LF. Swift reads "\r\n" as one Character, so any reader
/// that splits Characters at "\n" sees such a file as one line (a zone's `$ORIGIN` then swallowed the whole
/// file). Each input kind must read the same with either line end, except resolv.conf, where glibc keeps the
/// CR in the value: there the CR line ends are themselves the finding (one per file).
@Suite struct WindowsLineEndTests {
    /// The examples and the fixtures of every input kind, copied as they are and with CR LF line ends.
    @Test(arguments: ["examples/zones", "examples/k8s", "Tests/DNSLintTests/Fixtures/zones",
                      "Tests/DNSLintTests/Fixtures/corefile", "Tests/DNSLintTests/Fixtures/kubernetes"])
    func crlfFilesGiveTheSameFindings(folder: String) async throws {
        let findings = try await findingsWithEitherLineEnd(folder)
        #expect(findings.crlf == findings.lf)
        #expect(!findings.lf.isEmpty)
    }

    @Test func crlfResolvConfIsReportedOnce() async throws {
        let findings = try await findingsWithEitherLineEnd("examples/resolvconf")
        let carriageReturns = findings.crlfFindings.filter { ($0["message"] as? String)?.contains("carriage return") == true }
        #expect(carriageReturns.count == 1)
        #expect((carriageReturns.first?["location"] as? [String: Any])?["line"] as? Int == 1)
        #expect(findings.lfFindings.allSatisfy { ($0["message"] as? String)?.contains("carriage return") != true })
    }

    private func findingsWithEitherLineEnd(_ folder: String) async throws
        -> (lf: String, crlf: String, lfFindings: [[String: Any]], crlfFindings: [[String: Any]]) {
        let scratch = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let source = TestPaths.packageRoot.appendingPathComponent(folder)
        var findings: [String: String] = [:]
        var lists: [String: [[String: Any]]] = [:]
        for (name, lineEnd) in [("lf", "\n"), ("crlf", "\r\n")] {
            let copy = scratch.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
            for file in try FileManager.default.contentsOfDirectory(atPath: source.path) {
                let text = try String(contentsOf: source.appendingPathComponent(file), encoding: .utf8)
                let converted = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: lineEnd)
                try converted.write(to: copy.appendingPathComponent(file), atomically: true, encoding: .utf8)
            }
            let run = try await runCommand(TestPaths.binary, ["check", ".", "--no-config", "--format", "json", "--output", "-"], in: copy)
            #expect(run.status == 0 || run.status == 1, "\(name): \(run.stderr)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let list = try #require(report["findings"] as? [[String: Any]])
            findings[name] = String(decoding: try JSONSerialization.data(withJSONObject: list, options: [.sortedKeys]), as: UTF8.self)
            lists[name] = list
        }
        return (findings["lf"] ?? "", findings["crlf"] ?? "", lists["lf"] ?? [], lists["crlf"] ?? [])
    }
}
