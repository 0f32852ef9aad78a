import DNSLintModel
import LDNS

/// One question of a name's audit: a name, a type, with or without EDNS.
struct Ask: Sendable {
    var name: DNSName
    var type: RRType
    var edns: Bool
    /// `name` in wire form; nil when it is not a valid name.
    var wire: [UInt8]?

    /// `wire` is `name`'s wire form when the caller has it already (several questions of one name).
    init(_ name: DNSName, _ type: RRType, edns: Bool, wire: [UInt8]?) {
        self.name = name
        self.type = type
        self.edns = edns
        self.wire = wire
    }

    init(_ name: DNSName, _ type: RRType, edns: Bool) {
        self.init(name, type, edns: edns, wire: name.wire)
    }
}

/// A name's questions asked together. Without a rate cap, their first attempts leave in one batch on one
/// socket and the task waits once for all of them: a child task, a continuation and a thread wake-up per
/// query were most of the prober's cost. Retries, TCP after TC and CNAME hops go on per question as before.
extension Prober {
    /// One step per ask, in order, each as `step` would take it.
    func steps(_ asks: [Ask], server: ServerAddress?) async -> [StepResult] {
        let wires = asks.compactMap(\.wire)
        // With a rate cap each query waits for its own turn; in authoritative mode each name has its servers.
        guard let server, gate.unpaced, asks.count <= gate.capacity, wires.count == asks.count else {
            return await inOrder(asks) { ask in await self.step(ask.name, ask.type, edns: ask.edns, server: server) }
        }
        let queries = zip(asks, wires).map { ask, wire in
            OutgoingQuery(name: wire, type: ask.type, server: server, edns: ask.edns,
                          recursionDesired: settings.mode == .recursive, timeout: settings.timeout)
        }
        let firsts = await sendBatch(queries)
        let servers = [server]
        // Answers that end their step (nearly all) are read without suspending; any retry or TCP follow-up
        // runs beside the others, as each step ran before.
        if firsts.allSatisfy({ Self.isFinal($0.0) }) {
            var results: [StepResult] = []
            results.reserveCapacity(asks.count)
            for (index, ask) in asks.enumerated() {
                results.append(await attempts(ask.name, wire: wires[index], ask.type, edns: ask.edns, servers: servers, first: firsts[index]))
            }
            return results
        }
        return await inOrder(Array(asks.indices)) { index in
            await self.attempts(asks[index].name, wire: wires[index], asks[index].type, edns: asks[index].edns,
                                servers: servers, first: firsts[index])
        }
    }

    /// A first reply after which `attempts` sends nothing more.
    private static func isFinal(_ reply: QueryReply) -> Bool {
        guard case .response(let message) = reply else { return false }
        return !message.truncated && message.rcode != 2
    }

    /// Sends the queries together, holding as many slots of the gate, and records each.
    private func sendBatch(_ queries: [OutgoingQuery]) async -> [(QueryReply, CapturedQuery)] {
        await gate.enter(slots: queries.count)
        let sent = ContinuousClock.now
        let replies = await udp.queryBatch(queries)
        gate.leave(slots: queries.count)
        return queries.indices.map { index in
            let (reply, answered) = index < replies.count ? replies[index] : (.error("no reply recorded"), .now)
            return (reply, record(queries[index], transport: .udp, reply: reply, sent: sent, answered: answered))
        }
    }

    /// Runs `body` on every element at once and returns the results in the elements' order.
    func inOrder<Element: Sendable, Result: Sendable>(_ elements: [Element],
                                                      _ body: @escaping @Sendable (Element) async -> Result) async -> [Result] {
        await withTaskGroup(of: (Int, Result).self) { group in
            for (index, element) in elements.enumerated() {
                group.addTask { (index, await body(element)) }
            }
            var results: [Result?] = Array(repeating: nil, count: elements.count)
            for await (index, result) in group { results[index] = result }
            return results.compactMap { $0 }
        }
    }
}
