@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintLive
import Foundation
import Synchronization
import Testing

/// A name's first queries leave in one batch when the gate allows it; the audit must record what the
/// one-query-at-a-time path records, and the gate must stay a bound with batches in it.
@Suite(.serialized) struct QueryBatchTests {
    /// The queries of each name as recorded: question, transport and outcome (timings differ run to run).
    private func recordedQueries(capture path: String) throws -> [String: [String]] {
        let capture = try JSONDecoder().decode(Capture.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        var byName: [String: [String]] = [:]
        for name in capture.names {
            byName[name.name] = name.queries.map { "\($0.name) \($0.type) edns=\($0.edns) \($0.transport) \($0.status)" }
        }
        return byName
    }

    @Test(.timeLimit(.minutes(1)))
    func batchedAndOneByOneAuditsRecordTheSameQueries() async throws {
        let server = try MisbehavingServer()
        defer { server.stop() }
        let folder = ScratchFolder()
        defer { folder.remove() }
        let resolvConf = try folder.write("resolv.conf", "nameserver 127.0.0.1\nsearch split.test ok.test\noptions ndots:5\n")
        // A plain answer, a CNAME to follow, split rcodes, TC with a refused TCP retry, silence (retries),
        // garbage, and a relative name expanded through the search list.
        let names = ["fine.bad.test.", "bytype.bad.test.", "split.bad.test.", "tc.bad.test.", "silent.bad.test.",
                     "garbage.bad.test.", "www"]
        var recorded: [[String: [String]]] = []
        var codes: [[String]] = []
        // Concurrency 1 leaves no room for a batch of four: every query waits for its own slot.
        for concurrency in [1, 64] {
            let capture = folder.url.appendingPathComponent("capture-\(concurrency).json").path
            let report = try await liveAudit(names, servers: ["127.0.0.1:\(server.port)"], timeout: 0.3, retries: 1) {
                $0.concurrency = concurrency
                $0.resolvConf = resolvConf
                $0.capturePath = capture
            }
            recorded.append(try recordedQueries(capture: capture))
            codes.append(report.findings.map { "\($0.ruleCode) \($0.subject?.name ?? "")" }.sorted())
        }
        #expect(recorded[0].count == names.count)
        #expect(recorded[0] == recorded[1])
        #expect(codes[0] == codes[1])
        // Retries and the TCP attempt happened on both paths.
        #expect(recorded[1]["silent.bad.test."]?.count == 8)
        #expect(recorded[1]["tc.bad.test."]?.contains { $0.contains(" tcp ") } == true)
        #expect(recorded[1]["bytype.bad.test."]?.contains { $0.hasPrefix("host.bad.test. A") } == true)
    }

    /// About 2.9 KB in one datagram: more than the 2 KiB a NIO datagram read takes by default.
    @Test func aReplyOfThreeKilobytesIsReadWhole() async throws {
        let server = try MisbehavingServer()
        defer { server.stop() }
        let report = try await liveAudit(["big.bad.test."], servers: ["127.0.0.1:\(server.port)"])
        #expect(report.int("malformed") == 0)
        #expect(report.int("responses") == report.int("queries"))
        #expect(!report.findings.contains { $0.ruleCode == "DNS1013" })
    }

    @Test(.timeLimit(.minutes(1)))
    func batchesTakeTheirSlotsTogetherAndNeverOverfillTheGate() async {
        let gate = QueryGate(concurrency: 4, queriesPerSecond: 0)
        let counts = GateCounts()
        // Batches of 1 to 4 from 200 tasks at once: taken slot by slot, two batches of three would each hold
        // part of the gate and wait for each other forever.
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<200 {
                let slots = task % 4 + 1
                group.addTask {
                    await gate.enter(slots: slots)
                    let now = counts.inFlight.add(slots, ordering: .relaxed).newValue
                    counts.most.max(now, ordering: .relaxed)
                    await Task.yield()
                    counts.inFlight.subtract(slots, ordering: .relaxed)
                    gate.leave(slots: slots)
                }
            }
        }
        #expect(counts.most.load(ordering: .relaxed) <= 4)
        #expect(counts.most.load(ordering: .relaxed) >= 2)
        #expect(counts.inFlight.load(ordering: .relaxed) == 0)
        // Every slot came back: a full batch enters at once.
        await gate.enter(slots: 4)
        gate.leave(slots: 4)
    }
}

/// Slots held at once, and the most ever held, across the tasks of the gate test.
private final class GateCounts: Sendable {
    let inFlight = Atomic<Int>(0)
    let most = Atomic<Int>(0)
}
