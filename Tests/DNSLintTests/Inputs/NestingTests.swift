import Foundation
import Testing

/// Deeply nested input costs no stack: the Corefile parser stops nesting at 32 levels with a DNS0002
/// finding, and YAML (which libyaml bounds at 1,000 levels) is composed on a thread with a large stack.
/// These run the binary, so a stack overflow fails the test instead of killing the test run.
@Suite struct NestingTests {
    static let limitMessage = "blocks nest more than 32 deep here (CoreDNS plugins use two levels); the block opened here was not read"

    @Test func aCorefileNested5000DeepIsOneFindingNotACrash() throws {
        let text = ".:53 {\n" + String(repeating: "a {\n", count: 5000) + String(repeating: "}\n", count: 5000) + "}\n"
        let folder = try folderWith(["Corefile": text])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.path + "/Corefile"
        let run = try runBounded(["check", path, "--format", "json"], seconds: 60)
        #expect(!run.timedOut)
        #expect(run.status == 1, "exit \(run.status): \(run.stderr)")
        // Line 1 opens the server block (level 1); the `{` on line 33 opens level 33.
        #expect(try run.findings().filter { $0.rule == "DNS0002" } == [
            ReportedFinding(rule: "DNS0002", path: path, line: 33, message: Self.limitMessage),
        ])
    }

    @Test func unclosedDeepNestingIsReportedWithoutACrash() throws {
        let folder = try folderWith(["Corefile": ".:53 {\n" + String(repeating: "a {\n", count: 20_000)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runBounded(["check", folder.path + "/Corefile", "--format", "json"], seconds: 60)
        #expect(!run.timedOut)
        #expect(run.status == 1, "exit \(run.status): \(run.stderr)")
        let syntax = try run.findings().filter { $0.rule == "DNS0002" }
        #expect(syntax.contains(ReportedFinding(rule: "DNS0002", path: folder.path + "/Corefile", line: 33, message: Self.limitMessage)))
        #expect(syntax.count == 21, "20 errors and the note that more follow")
    }

    /// Runs `dnslint` with a 512 KiB main-thread stack, as on a small worker thread.
    func runWithSmallStack(_ arguments: [String]) throws -> BoundedRun {
        let command = "ulimit -s 512 && exec \"$0\" \"$@\""
        return try runBounded(["-c", command, TestPaths.binary.path] + arguments, seconds: 60, executable: URL(fileURLWithPath: "/bin/sh"))
    }

    @Test func yamlNestedToLibyamlsLimitNeedsNoLargeCallerStack() throws {
        var lines = ["apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: deep", "data:"]
        for level in 1...990 { lines.append(String(repeating: " ", count: level) + "k:") }
        lines.append(String(repeating: " ", count: 992) + "v")
        func flow(_ depth: Int) -> String {
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flow\ndata:\n  deep: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        }
        let folder = try folderWith(["block.yaml": lines.joined(separator: "\n") + "\n", "flow.yaml": flow(1000), "deeper.yaml": flow(5000)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let block = try runWithSmallStack(["check", folder.path + "/block.yaml", "--format", "json"])
        #expect(block.status == 0, "exit \(block.status): \(block.stderr)")
        #expect(try block.findings().isEmpty)
        let flowRun = try runWithSmallStack(["check", folder.path + "/flow.yaml", "--format", "json"])
        #expect(flowRun.status == 0, "exit \(flowRun.status): \(flowRun.stderr)")
        #expect(try flowRun.findings().isEmpty)
        let tooDeep = try runWithSmallStack(["check", folder.path + "/deeper.yaml", "--format", "json"])
        #expect(tooDeep.status == 1, "exit \(tooDeep.status): \(tooDeep.stderr)")
        #expect(try tooDeep.findings().map(\.rule) == ["DNS0004"])
        #expect(try tooDeep.findings().first?.message.contains("Maximum nesting level reached") == true)
    }
}
