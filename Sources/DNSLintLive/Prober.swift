import DNSLintModel
import LDNS
import NIOCore
import Synchronization

/// A name to audit, as the user gave it.
package struct NameEntry: Sendable, Hashable {
    package var name: DNSName
    /// Ended with a dot, or came from a zone: never expanded through the search list.
    package var absolute: Bool
    package var source: CapturedSource?
    /// Types of `RRType.hostTargetTypes` the name holds (from its zone, or its names-file line): asked too,
    /// with each target's A, for DNS1007 (see Prober+Targets.swift).
    package var targetTypes: [RRType]

    package init(_ text: String, source: CapturedSource? = nil, absolute: Bool? = nil, targetTypes: [RRType] = []) {
        name = DNSName(text)
        self.absolute = absolute ?? text.hasSuffix(".")
        self.source = source
        self.targetTypes = targetTypes
    }
}

/// How the prober asks and retries.
struct ProbeSettings: Sendable {
    var mode: ProbeMode
    /// Resolvers to audit (recursive mode), or to find zones' name servers with (authoritative mode).
    var servers: [ServerAddress]
    /// Port the zones' name servers are asked on in authoritative mode (53 outside tests).
    var authoritativePort: Int
    var timeout: TimeAmount
    var retries: Int
    var search: [DNSName]
    var ndots: Int
    /// CNAME hops whose queries are recorded per chain (and the answer after them). The prober asks up to
    /// `DNSAnswer.unrecordedHopLimit` hops beyond, so a loop is told from a long chain whatever this is.
    var maxCNAMEHops = 64
}

/// One CNAME chain as asked: the recorded queries, and how it went on past them.
struct ChainWalk: Sendable {
    var queries: [CapturedQuery] = []
    var tail: CapturedChainTail?
}

/// One ask of one name/type (with retries and a TCP retry after TC) and what it recorded.
struct StepResult: Sendable {
    var queries: [CapturedQuery]
    /// The CNAME target the answer points at, when the prober should follow it.
    var cnameTarget: DNSName?
}

/// Asks each name the questions the data rules need and records every query and response.
final class Prober: Sendable {
    let settings: ProbeSettings
    let udp: UDPTransport
    private let tcp: TCPTransport
    let gate: QueryGate
    /// A CNAME target shared by many names is asked once per type.
    private let hopCache = TaskCache<StepResult>(limit: 2_048)
    /// Where each hop past the recorded ones leads: a long loop shared by many names is walked from memory.
    private let tailCache = TaskCache<DNSName?>(limit: 4 * DNSAnswer.unrecordedHopLimit)
    private let apexCache = TaskCache<DNSName?>(limit: 100_000)
    private let zoneServers = TaskCache<[ServerAddress]>(limit: 10_000)

    /// When the prober started: every recorded query says how long after it was answered.
    private let epoch = ContinuousClock.now

    init(settings: ProbeSettings, udp: UDPTransport, tcp: TCPTransport, gate: QueryGate) {
        self.settings = settings
        self.udp = udp
        self.tcp = tcp
        self.gate = gate
    }

    /// Every query for one name on one resolver (or on the zone's servers): A and AAAA with EDNS,
    /// following each CNAME hop; A and AAAA without EDNS; and each search-list expansion.
    func audit(_ entry: NameEntry, server: ServerAddress?) async -> CapturedName {
        let name = entry.name
        let expanded = expansions(of: entry)
        // Each name's wire form is worked out once for its questions.
        let wire = name.wire
        var asks: [Ask] = []
        asks.reserveCapacity(4 + 2 * expanded.count)
        asks += [Ask(name, .a, edns: true, wire: wire), Ask(name, .aaaa, edns: true, wire: wire),
                 Ask(name, .a, edns: false, wire: wire), Ask(name, .aaaa, edns: false, wire: wire)]
        for expansion in expanded {
            let expandedWire = expansion.wire
            asks.append(Ask(expansion, .a, edns: true, wire: expandedWire))
            asks.append(Ask(expansion, .aaaa, edns: true, wire: expandedWire))
        }
        let firsts = await steps(asks, server: server)
        let (walkA, walkAAAA): (ChainWalk, ChainWalk)
        if firsts[0].cnameTarget == nil && firsts[1].cnameTarget == nil {
            // No alias to follow (most names): no child tasks.
            (walkA, walkAAAA) = (ChainWalk(queries: firsts[0].queries), ChainWalk(queries: firsts[1].queries))
        } else {
            async let a = chain(name, .a, first: firsts[0], server: server)
            async let aaaa = chain(name, .aaaa, first: firsts[1], server: server)
            (walkA, walkAAAA) = await (a, aaaa)
        }
        let targets = await targetQueries(entry, server: server)
        var queries: [CapturedQuery] = []
        queries.reserveCapacity(firsts.reduce(targets.count) { $0 + $1.queries.count } + walkA.queries.count + walkAAAA.queries.count)
        queries += walkA.queries
        queries += walkAAAA.queries
        for index in 2..<firsts.count { queries += firsts[index].queries }
        queries += targets
        let tails = [walkA.tail, walkAAAA.tail].compactMap { $0 }
        return CapturedName(name: name.text, server: server?.description ?? "authoritative", source: entry.source,
                            queries: queries, tails: tails.isEmpty ? nil : tails)
    }

    /// glibc tries the search list first when the name has fewer dots than ndots.
    func expansions(of entry: NameEntry) -> [DNSName] {
        guard !entry.absolute, !settings.search.isEmpty else { return [] }
        let dots = max(0, (entry.name.wire.map { WireName.labelCount($0) } ?? 1) - 1)
        guard dots < settings.ndots else { return [] }
        let stem = String(entry.name.text.dropLast())
        return settings.search.map { DNSName(stem + "." + $0.text) }
    }

    /// Follows the CNAME chain of `name`/`type` from its first step: the first `maxCNAMEHops` hops and the
    /// answer after them with every query recorded, then on, unrecorded, to where it loops or ends (`tail`).
    private func chain(_ name: DNSName, _ type: RRType, first: StepResult, server: ServerAddress?) async -> ChainWalk {
        var walk = ChainWalk(queries: first.queries)
        var visited: Set<DNSName> = [name]
        guard var current = first.cnameTarget, visited.insert(current).inserted else { return walk }
        for _ in 0..<max(0, settings.maxCNAMEHops) {
            let result = await cachedStep(current, type, server: server)
            walk.queries += result.queries
            guard let target = result.cnameTarget, visited.insert(target).inserted else { return walk }
            current = target
        }
        walk.tail = await tail(from: current, type, server: server, visited: visited)
        return walk
    }

    /// The rest of a chain past its recorded hops, asked but kept only as a count and how it ended, so a loop
    /// is told from a long chain whatever `--max-cname-hops` is. Bounded by `DNSAnswer.unrecordedHopLimit`.
    private func tail(from start: DNSName, _ type: RRType, server: ServerAddress?, visited: Set<DNSName>) async -> CapturedChainTail {
        var visited = visited
        var current = start
        var hops = 0
        while hops < DNSAnswer.unrecordedHopLimit {
            let hop = current
            let key = "\(hop.text)/\(type.rawValue)/\(server?.description ?? "auth")"
            // Only the target is kept: thousands of hops cost names, not responses.
            let next = await tailCache.value(for: key) { await self.step(hop, type, edns: true, server: server).cnameTarget }
            guard let next else { return CapturedChainTail(type: type.mnemonic, from: start.text, hops: hops, end: .end) }
            hops += 1
            guard visited.insert(next).inserted else { return CapturedChainTail(type: type.mnemonic, from: start.text, hops: hops, end: .loop) }
            current = next
        }
        return CapturedChainTail(type: type.mnemonic, from: start.text, hops: hops, end: .limit)
    }

    /// A hop's step, asked once for every name whose chain passes through it.
    func cachedStep(_ hop: DNSName, _ type: RRType, server: ServerAddress?) async -> StepResult {
        let key = "\(hop.text)/\(type.rawValue)/\(server?.description ?? "auth")"
        return await hopCache.value(for: key) { await self.step(hop, type, edns: true, server: server) }
    }

    /// Asks once: UDP with retries on timeout, malformed replies and SERVFAIL; over TCP when TC is set.
    func step(_ name: DNSName, _ type: RRType, edns: Bool, server: ServerAddress?) async -> StepResult {
        let servers: [ServerAddress]
        if let server {
            servers = [server]
        } else {
            servers = await authoritativeServers(for: name)
        }
        guard !servers.isEmpty, let wire = name.wire else {
            return StepResult(queries: [unaskable(name, type, edns: edns, server: server)])
        }
        return await attempts(name, wire: wire, type, edns: edns, servers: servers, first: nil)
    }

    /// The query recorded for a name that cannot be asked: invalid, or with no server to ask.
    private func unaskable(_ name: DNSName, _ type: RRType, edns: Bool, server: ServerAddress?) -> CapturedQuery {
        let reason = name.wire == nil ? "\(name.text) is not a valid domain name" : "no name server found for \(name.text)"
        return CapturedQuery(name: name.text, type: type.mnemonic, server: server?.description ?? "authoritative",
                             transport: .udp, edns: edns, rd: server != nil, status: .error, error: reason)
    }

    /// The attempts of one step: UDP with retries on timeout, malformed replies and SERVFAIL, over TCP
    /// when TC is set. `first` is the first attempt when it was already sent (in a batch).
    func attempts(_ name: DNSName, wire: [UInt8], _ type: RRType, edns: Bool, servers: [ServerAddress],
                  first: (QueryReply, CapturedQuery)?) async -> StepResult {
        var queries: [CapturedQuery] = []
        let recursion = settings.mode == .recursive
        var final: DNSMessage?
        for attempt in 0...max(0, settings.retries) {
            let target = servers[attempt % servers.count]
            let query = OutgoingQuery(name: wire, type: type, server: target, edns: edns, recursionDesired: recursion,
                                      timeout: settings.timeout)
            let (reply, captured) = if attempt == 0, let first { first } else { await send(query, transport: .udp) }
            queries.append(captured)
            guard case .response(let message) = reply else { continue }
            final = message
            if message.truncated {
                let (tcpReply, tcpCaptured) = await send(query, transport: .tcp)
                queries.append(tcpCaptured)
                if case .response(let full) = tcpReply { final = full }
                break
            }
            if message.rcode != 2 { break }
        }
        var result = StepResult(queries: queries)
        if type != .cname, let final, final.rcode == 0 || final.rcode == 3 {
            // A DNAME sent without its synthesized CNAME (an old server) still redirects the name (RFC 6672 3.4).
            result.cnameTarget = final.answer.lazy
                .filter { $0.type == .cname && DNSName(WireName.text($0.owner)) == name }
                .compactMap { $0.target.map { DNSName(WireName.text($0)) } }.first
                ?? DNAMERedirect.find(for: name, in: final.answer)?.target
        }
        return result
    }

    private func send(_ query: OutgoingQuery, transport: Transport) async -> (QueryReply, CapturedQuery) {
        await gate.enter()
        let started = ContinuousClock.now
        let reply = transport == .udp ? await udp.query(query) : await tcp.query(query)
        let now = ContinuousClock.now
        gate.leave()
        return (reply, record(query, transport: transport, reply: reply, sent: started, answered: now))
    }

    /// What a query is recorded as: its question, when it was answered (or given up) and what came.
    func record(_ query: OutgoingQuery, transport: Transport, reply: QueryReply,
                sent: ContinuousClock.Instant, answered: ContinuousClock.Instant) -> CapturedQuery {
        let elapsed = answered - sent
        let milliseconds = (Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
        // Query names are DNSName's, lower case already, unless one spells a capital as an escape (`\065`).
        let name = WireName.text(query.name)
        var captured = CapturedQuery(name: name.utf8.contains(where: { (65...90).contains($0) }) ? name.lowercased() : name,
                                     type: query.type.mnemonic,
                                     server: query.server.description, transport: transport, edns: query.edns,
                                     rd: query.recursionDesired, ms: (milliseconds * 10).rounded() / 10, status: .response)
        let sinceStart = answered - epoch
        captured.at = ((Double(sinceStart.components.seconds) + Double(sinceStart.components.attoseconds) / 1e18) * 1000).rounded() / 1000
        switch reply {
        case .response(let message): captured.response = CapturedResponse(message)
        case .timeout: captured.status = .timeout
        case .malformed(let reason):
            captured.status = .malformed
            captured.error = reason
        case .error(let reason):
            captured.status = .error
            captured.error = reason
        }
        return captured
    }

    // MARK: - Authoritative mode

    /// The addresses of the name servers of the zone holding `name`, found through the resolvers.
    private func authoritativeServers(for name: DNSName) async -> [ServerAddress] {
        guard let apex = await apexCache.value(for: name.text, { await self.findApex(of: name) }) else { return [] }
        return await zoneServers.value(for: apex.text) { await self.findServers(of: apex) }
    }

    /// The zone apex: the SOA owner in the answer (at an apex) or in the authority section.
    private func findApex(of name: DNSName) async -> DNSName? {
        guard let message = await resolve(name, .soa) else { return nil }
        if message.answer.contains(where: { $0.type == .cname && DNSName(WireName.text($0.owner)) == name }) {
            // A CNAME never sits at an apex; the name belongs to its parent's zone.
            guard let wire = name.wire, let offset = WireName.parentOffset(wire[...], from: 0) else { return nil }
            let parent = DNSName(WireName.text(wire[offset...]))
            return await apexCache.value(for: parent.text) { await self.findApex(of: parent) }
        }
        if let soa = message.answer.first(where: { $0.type == .soa }) ?? message.authority.first(where: { $0.type == .soa }) {
            return DNSName(WireName.text(soa.owner))
        }
        return nil
    }

    private func findServers(of apex: DNSName) async -> [ServerAddress] {
        guard let message = await resolve(apex, .ns) else { return [] }
        var servers: [ServerAddress] = []
        for host in message.answer.filter({ $0.type == .ns }).compactMap(\.target) {
            guard let addresses = await resolve(DNSName(WireName.text(host)), .a) else { continue }
            for record in addresses.answer where record.type == .a && record.rdata.count == 4 {
                let text = record.rdata.map(String.init).joined(separator: ".")
                if let server = ServerAddress(parsing: text, defaultPort: settings.authoritativePort), !servers.contains(server) {
                    servers.append(server)
                }
            }
        }
        return servers
    }

    /// A plain recursive lookup through the configured resolvers, for finding zones' servers.
    private func resolve(_ name: DNSName, _ type: RRType) async -> DNSMessage? {
        guard let wire = name.wire else { return nil }
        for attempt in 0...max(0, settings.retries) {
            let server = settings.servers[attempt % max(1, settings.servers.count)]
            let query = OutgoingQuery(name: wire, type: type, server: server, edns: true, recursionDesired: true,
                                      timeout: settings.timeout)
            let (reply, _) = await send(query, transport: .udp)
            if case .response(let message) = reply, message.rcode == 0 || message.rcode == 3 { return message }
        }
        return nil
    }
}

/// Shares one in-flight or finished computation per key; forgets everything past `limit` entries
/// so memory stays bounded on long runs.
final class TaskCache<Value: Sendable>: Sendable {
    private let entries = Mutex<[String: Task<Value, Never>]>([:])
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    func value(for key: String, _ make: @escaping @Sendable () async -> Value) async -> Value {
        let task = entries.withLock { entries -> Task<Value, Never> in
            if let existing = entries[key] { return existing }
            if entries.count >= limit { entries.removeAll(keepingCapacity: true) }
            let task = Task { await make() }
            entries[key] = task
            return task
        }
        return await task.value
    }
}
