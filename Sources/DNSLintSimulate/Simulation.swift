import Foundation
import DNSLintModel

/// What to simulate: who looks up which names, how often, for how long, through which CoreDNS.
package struct SimulationPlan: Sendable {
    package struct Client: Sendable, Hashable {
        /// `namespace/name` of the workload, or the resolv.conf path.
        package var label: String
        package var namespace: String
        package var settings: ClientSettings
        package init(label: String, namespace: String, settings: ClientSettings) {
            self.label = label
            self.namespace = namespace
            self.settings = settings
        }
    }

    package enum Arrivals: Sendable, Hashable {
        /// One lookup per name every so many seconds.
        case every(Double)
        /// Poisson arrivals at this many lookups per second per name.
        case poisson(Double)
    }

    package var names: [String]
    package var client: Client
    package var setup: CoreDNSSetup
    package var upstream: Upstream
    package var duration: Double
    package var arrivals: Arrivals
    /// Share of lookups whose pod IP CoreDNS maps to another namespace (pod IP reuse), so autopath declines.
    package var autopathMiss: Double
    package var seed: UInt64

    package init(names: [String], client: Client, setup: CoreDNSSetup, upstream: Upstream, duration: Double,
                 arrivals: Arrivals, autopathMiss: Double, seed: UInt64) {
        self.names = names
        self.client = client
        self.setup = setup
        self.upstream = upstream
        self.duration = duration
        self.arrivals = arrivals
        self.autopathMiss = autopathMiss
        self.seed = seed
    }
}

/// One application lookup in the run.
package struct LookupEvent: Sendable, Hashable, Codable {
    package var time: Double
    package var name: String
    package var trace: ClientTrace
    /// For a failure: the cache state behind it, in DNS terms.
    package var cause: String?
    /// Whether CoreDNS mapped the pod's IP to another namespace for this lookup.
    package var autopathMissed: Bool
}

/// A cache entry's life, for the timeline.
package struct CacheInterval: Sendable, Hashable, Codable {
    package var name: String
    package var type: String
    package var start: Double
    package var end: Double
    /// `NOERROR` with addresses, `NOERROR (CNAME only)`, `NODATA`, `NXDOMAIN`.
    package var state: String
    package var viaAutopath: Bool
}

/// Runs a plan: a discrete-event loop over lookup arrivals, each lookup walking the client model against the
/// CoreDNS model at its arrival time (queries take no time beyond their timeouts).
package enum Simulation {
    package static func run(_ plan: SimulationPlan) -> SimulationRun {
        let server = CoreDNSServer(setup: plan.setup, upstream: plan.upstream)
        var random = SplitMix64(seed: plan.seed)
        var events: [LookupEvent] = []
        for (time, name) in arrivals(plan, random: &random) {
            let missed = plan.setup.autopath && random.nextUnit() < plan.autopathMiss
            let client = CoreDNSServer.Client(namespace: plan.client.namespace,
                                              mappedNamespace: missed ? "another-namespace" : plan.client.namespace)
            let trace = ClientResolver.lookup(name, settings: plan.client.settings) { query in
                server.serve(query, from: client, at: time)
            }
            let cause = trace.outcome.failed ? describeCause(trace, server: server, at: time) : nil
            events.append(LookupEvent(time: time, name: name, trace: trace, cause: cause, autopathMissed: missed))
        }
        let intervals = server.stored.map { stored in
            CacheInterval(name: stored.key.name, type: stored.key.type.rawValue, start: stored.entry.storedAt,
                          end: min(stored.entry.expiresAt, plan.duration), state: state(stored.entry.reply),
                          viaAutopath: stored.entry.viaAutopath)
        }
        return SimulationRun(plan: plan, events: events, cache: intervals)
    }

    /// Arrival times in order; ties keep the order of the names.
    static func arrivals(_ plan: SimulationPlan, random: inout SplitMix64) -> [(Double, String)] {
        var result: [(Double, String)] = []
        switch plan.arrivals {
        case .every(let interval):
            var time = 0.0
            while time < plan.duration {
                for name in plan.names { result.append((time, name)) }
                time += interval
            }
        case .poisson(let rate):
            for name in plan.names {
                var time = 0.0
                while true {
                    time += -log(1 - random.nextUnit()) / rate
                    guard time < plan.duration else { break }
                    result.append((time, name))
                }
            }
            result.sort { $0.0 < $1.0 }
        }
        return result
    }

    /// The cache entries the failed lookup's first name met, e.g. "A cached NXDOMAIN at x until t=50 s, ...".
    static func describeCause(_ trace: ClientTrace, server: CoreDNSServer, at time: Double) -> String {
        guard let first = trace.queries.first else { return "no query was sent" }
        let parts = trace.queries.filter { $0.name == first.name }.map { query -> String in
            let key = CoreDNSServer.CacheKey(name: query.name, type: query.type)
            guard let entry = server.entry(key, at: time) else { return "\(query.type.rawValue) not cached" }
            return "\(query.type.rawValue) cached \(state(entry.reply)) until t=\(format(entry.expiresAt)) s"
        }
        return parts.joined(separator: ", ") + " at \(first.name)"
    }

    static func state(_ reply: ServerReply) -> String {
        switch reply.rcode {
        case .noError where !reply.addresses.isEmpty: "NOERROR"
        case .noError where reply.answerCount > 0: "NOERROR (CNAME only)"
        case .noError: "NODATA"
        case .some(let rcode): rcode.rawValue
        case nil: "no reply"
        }
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}

/// A small deterministic generator (SplitMix64): the same seed gives the same run on every machine.
package struct SplitMix64: Sendable {
    private var state: UInt64
    package init(seed: UInt64) { state = seed }
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
    /// Uniform in [0, 1).
    package mutating func nextUnit() -> Double { Double(next() >> 11) / Double(UInt64(1) << 53) }
}
