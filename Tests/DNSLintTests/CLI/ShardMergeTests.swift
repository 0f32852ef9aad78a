@testable import DNSLint
@testable import DNSLintModel
import Foundation
import Testing

/// Nightly audits split over the pods of an Indexed Job: every name goes to exactly one shard, the same one on
/// every machine and run, and the merged shard reports equal one unsharded run.
@Suite struct ShardMergeTests {
    static let names = (0..<500).map { "host-\($0).example.org." }

    @Test func everyNameBelongsToExactlyOneShard() throws {
        let shards = (1...4).map { Shard("\($0)/4")! }
        for name in Self.names {
            #expect(shards.filter { $0.owns(DNSName(name)) }.count == 1, "\(name)")
        }
        let sizes = shards.map { shard in Self.names.filter { shard.owns(DNSName($0)) }.count }
        #expect(sizes.allSatisfy { $0 > 60 }, "a usable spread: \(sizes)")
    }

    /// The partition is FNV-1a of the lowercased name: an independent implementation (Python, another
    /// process) gives the same shard for every name, so no per-process hash seed is involved.
    @Test func thePartitionIsTheSameInAnotherProcess() throws {
        let script = """
            import sys
            for name in sys.stdin.read().split():
                h = 14695981039346656037
                for b in name.lower().encode():
                    h = ((h ^ b) * 1099511628211) % (1 << 64)
                print(h % 7 + 1)
            """
        let input = TestPaths.temporaryFolder().appendingPathComponent("names.txt")
        defer { try? FileManager.default.removeItem(at: input.deletingLastPathComponent()) }
        try Data(Self.names.map { $0.uppercased() }.joined(separator: "\n").utf8).write(to: input)
        let python = try runCommand(URL(fileURLWithPath: "/bin/sh"), ["-c", "python3 -c '\(script)' < \(input.path)"])
        let theirs = python.stdout.split(separator: "\n").compactMap { Int($0) }
        let ours = Self.names.map { name in (1...7).first { Shard("\($0)/7")!.owns(DNSName(name.uppercased())) }! }
        #expect(theirs == ours)
    }

    @Test func badShardsAreUsageErrors() throws {
        for bad in ["0/3", "4/3", "1/0", "x/2", "2", "1/2/3"] { #expect(Shard(bad) == nil, "\(bad)") }
        let result = try runCommand(TestPaths.binary, ["live", "a.example.", "--server", "127.0.0.1:1", "--shard", "5/4"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--shard takes K/N"))
    }

    static let auditedNames = ["api", "both", "also", "short", "ok", "big", "nx", "missing", "virginia.us1.api-lb"].map { "\($0).incident.test." }
        + (0..<20).map { "n\($0).elb.test." } + ["nlb-1.elb.test.", "nlb-2.elb.test."]

    /// In `folder`: one whole run and three shard runs against NSD, and the shards merged (all.json, all.sarif).
    func shardAndMerge(in folder: URL) throws {
        let nsd = try ServerProcess.nsd(zones: ["incident.test", "elb.test"])
        defer { nsd.stop() }
        try Data(Self.auditedNames.joined(separator: "\n").utf8).write(to: folder.appendingPathComponent("names.txt"))
        func live(_ extra: [String]) throws {
            let result = try runCommand(TestPaths.binary, ["live", "--names-file", "names.txt", "--server", "127.0.0.1:\(nsd.port)",
                                                           "--timeout", "2", "--retries", "1", "--qps", "0", "--no-progress"] + extra,
                                        in: folder)
            #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
        }
        try live(["--format", "json", "--output", "whole.json", "--format", "sarif", "--output", "whole.sarif"])
        for index in 1...3 { try live(["--shard", "\(index)/3", "--format", "json", "--output", "shard\(index).json"]) }
        let merge = try runCommand(TestPaths.binary, ["merge", "shard1.json", "shard2.json", "shard3.json",
                                                      "--format", "json", "--output", "all.json", "--format", "sarif", "--output", "all.sarif"],
                                   in: folder)
        #expect(merge.status == 1, "\(merge.stderr)")
    }

    @Test func mergedShardsEqualOneRunAgainstNSD() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try shardAndMerge(in: folder)
        func load(_ name: String) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name))) as? [String: Any])
        }
        let whole = try load("whole.json")
        let merged = try load("all.json")
        let wholeFindings = try JSONSerialization.data(withJSONObject: whole["findings"] as Any, options: .sortedKeys)
        let mergedFindings = try JSONSerialization.data(withJSONObject: merged["findings"] as Any, options: .sortedKeys)
        #expect(wholeFindings == mergedFindings, "the merged shards give the findings of one run")
        #expect(((whole["findings"] as? [Any])?.count ?? 0) >= 3)
        let wholeSummary = try #require(whole["summary"] as? [String: Any])
        let mergedSummary = try #require(merged["summary"] as? [String: Any])
        for key in ["names", "errors", "warnings", "notes"] {
            #expect(wholeSummary[key] as? Int == mergedSummary[key] as? Int, "\(key)")
        }
        #expect(mergedSummary["names"] as? Int == Self.auditedNames.count)
    }

    /// The merged SARIF holds the results and rules of the unsharded run's SARIF, fingerprints included.
    @Test func mergedSARIFEqualsOneRunAgainstNSD() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try shardAndMerge(in: folder)
        func run(_ name: String) throws -> [String: Any] {
            let log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name))) as? [String: Any])
            return try #require((log["runs"] as? [[String: Any]])?.first)
        }
        let whole = try run("whole.sarif")
        let merged = try run("all.sarif")
        func canonical(_ value: Any?) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: try #require(value), options: [.sortedKeys]), as: UTF8.self)
        }
        let results = try #require(whole["results"] as? [Any])
        #expect(results.count >= 3)
        #expect(try canonical(whole["results"]) == canonical(merged["results"]), "the merged shards give the results of one run")
        func rules(_ run: [String: Any]) -> Any? { ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] }
        #expect(try canonical(rules(whole)) == canonical(rules(merged)))
    }

    /// Two aliases in different shards reach one target with a mixed-TTL RRset: each shard reports DNS1008 about
    /// the target, the merge keeps one, as the unsharded run does.
    @Test func mergingDropsTheSharedTargetsRepeatedFinding() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let aliases = (0..<8).map { "alias\($0).shared.test." }
        let first = try #require(aliases.first { Shard("1/2")!.owns(DNSName($0)) })
        let second = try #require(aliases.first { Shard("2/2")!.owns(DNSName($0)) })
        let nsd = try ServerProcess.nsd(zones: ["shared.test"])
        defer { nsd.stop() }
        try Data("\(first)\n\(second)\n".utf8).write(to: folder.appendingPathComponent("names.txt"))
        func live(_ extra: [String]) throws {
            let result = try runCommand(TestPaths.binary, ["live", "--names-file", "names.txt", "--server", "127.0.0.1:\(nsd.port)", "--timeout", "2",
                                                           "--retries", "1", "--qps", "0", "--no-progress", "--format", "json"] + extra, in: folder)
            #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
        }
        try live(["--output", "whole.json"])
        try live(["--shard", "1/2", "--output", "shard1.json"])
        try live(["--shard", "2/2", "--output", "shard2.json"])
        let merge = try runCommand(TestPaths.binary, ["merge", "shard1.json", "shard2.json", "--format", "json", "--output", "all.json"], in: folder)
        #expect(merge.status == 0, "DNS1008 is a warning: \(merge.stderr)")
        func aboutTarget(_ name: String) throws -> [[String: Any]] {
            let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name))) as? [String: Any])
            return (report["findings"] as? [[String: Any]] ?? []).filter {
                $0["rule"] as? String == "DNS1008" && ($0["subject"] as? [String: Any])?["name"] as? String == "mixed.shared.test."
            }
        }
        #expect(try aboutTarget("shard1.json").count == 1 && aboutTarget("shard2.json").count == 1, "each shard reaches the target")
        let merged = try aboutTarget("all.json")
        #expect(merged.count == 1, "one finding about the shared target: \(merged)")
        let whole = try aboutTarget("whole.json")
        #expect(whole.count == 1)
        #expect(try JSONSerialization.data(withJSONObject: merged, options: .sortedKeys) == JSONSerialization.data(withJSONObject: whole, options: .sortedKeys),
                "the one the unsharded run keeps (the first alias in the names file)")
    }

    @Test(.needsShared) func mergedSARIFPassesTheGitHubValidator() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try shardAndMerge(in: folder)
        let tool = try #require(TestPaths.shared).appendingPathComponent("tools/validate-sarif")
        let validation = try runCommand(URL(fileURLWithPath: "/usr/bin/env"), ["python3", tool.path, folder.appendingPathComponent("all.sarif").path])
        #expect(validation.status == 0, "\(validation.stdout)\(validation.stderr)")
    }

    @Test func notAReportIsAUsageError() throws {
        let folder = TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{\"version\":1}".utf8).write(to: folder.appendingPathComponent("broken.json"))
        let result = try runCommand(TestPaths.binary, ["merge", "broken.json"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("broken.json: not a dnslint JSON report"))
    }

    /// A merged report quotes no file's lines, not even a zone's: it cannot tell which files were zones (a
    /// zone's `$INCLUDE` of a .env is never quoted), and the files it names were read by other pods.
    @Test(arguments: ["text", "junit"])
    func mergedReportsQuoteNoLines(_ format: String) throws {
        let project = try UnquotedFilesTests.project()
        defer { project.remove() }
        let check = try project.dnslint(["check", "z/ex.test.zone", "--allow-include-outside", "--format", "json", "--output", "part.json"])
        #expect(check.status == 1, "\(check.stderr)")
        let merged = try project.dnslint(["merge", "part.json", "--format", format])
        #expect(merged.status == 1, "\(merged.stderr)")
        #expect(merged.stdout.contains("secret.env"), "\(merged.stdout)")
        let report = merged.stdout.lowercased()
        for line in ["DB_HOST=db.internal\n", "root:x:0:0:root:/root:/bin/bash", "alias IN CNAME", "good IN A", "MODE=prod\n"] {
            #expect(!report.contains(line.lowercased()), "merged \(format) shows \(line):\n\(merged.stdout)")
        }
    }
}
