import DNSLintModel
import Foundation
import LDNS
import NIOCore
import NIOPosix

/// How the network is asked (the transport half of the `dnslint live` flags).
package struct ProbeOptions: Sendable {
    package var mode: ProbeMode = .recursive
    /// Resolvers to audit (recursive mode), or to find the zones' name servers with (authoritative mode).
    package var servers: [ServerAddress] = []
    package var authoritativePort = 53
    /// Global cap on queries per second; 0 means no cap.
    package var queriesPerSecond = 200
    /// Names in flight at once.
    package var concurrency = 256
    package var timeoutSeconds = 2.0
    /// Extra attempts after a timeout, malformed reply or SERVFAIL.
    package var retries = 2
    /// Search list and ndots the names are expanded with, as glibc would.
    package var search: [DNSName] = []
    package var ndots = 1
    package var maxCNAMEHops = 64
    package var udpSockets = 8
    package var progress = false

    package init() {}
}

/// Names in, observations out: asks every name the questions the data rules need, on each resolver,
/// and hands each finished name to the caller as soon as it completes, so memory stays flat.
package enum LiveProbe {
    /// `feed` calls its argument once per name; `finished` receives each name's recorded queries.
    package static func run(
        _ options: ProbeOptions,
        feed: ((NameEntry) async -> Void) async throws(InputError) -> Void,
        finished: @escaping (CapturedName) -> Void
    ) async throws(InputError) -> ProbeStats {
        let started = ContinuousClock.now
        let group = MultiThreadedEventLoopGroup(numberOfThreads: min(4, max(1, System.coreCount)))
        let counters = ProbeCounters()
        let udp: UDPTransport
        do {
            udp = try await UDPTransport.open(group: group, count: options.udpSockets, counters: counters,
                                              ipv6: options.servers.contains(where: \.isIPv6) || options.mode == .authoritative)
        } catch {
            try? await group.shutdownGracefully()
            throw InputError("cannot open UDP sockets: \(error)")
        }
        let settings = ProbeSettings(
            mode: options.mode, servers: options.servers, authoritativePort: options.authoritativePort,
            timeout: .nanoseconds(Int64(options.timeoutSeconds * 1e9)), retries: options.retries,
            search: options.search, ndots: options.ndots, maxCNAMEHops: max(1, options.maxCNAMEHops))
        let prober = Prober(settings: settings, udp: udp, tcp: TCPTransport(group: group, counters: counters),
                            gate: QueryGate(concurrency: options.concurrency, queriesPerSecond: options.queriesPerSecond))
        let progress = ProgressLine(enabled: options.progress)
        let targets: [ServerAddress?] = options.mode == .authoritative ? [nil] : options.servers
        let maxNames = max(1, options.concurrency)
        var names = 0
        var feedError: InputError?

        await withTaskGroup(of: CapturedName.self) { tasks in
            let ticker = Task {
                while !Task.isCancelled {
                    progress.draw(counters: counters, inFlight: counters.inFlight.load(ordering: .relaxed))
                    try? await Task.sleep(for: .milliseconds(250))
                }
            }
            var inFlight = 0
            do throws(InputError) {
                try await feed { entry in
                    for server in targets {
                        if inFlight >= maxNames, let record = await tasks.next() {
                            inFlight -= 1
                            names += 1
                            finished(record)
                            progress.done.add(1, ordering: .relaxed)
                        }
                        tasks.addTask { await prober.audit(entry, server: server) }
                        inFlight += 1
                        counters.inFlight.store(inFlight, ordering: .relaxed)
                    }
                }
            } catch {
                feedError = error
            }
            for await record in tasks {
                names += 1
                finished(record)
                progress.done.add(1, ordering: .relaxed)
            }
            ticker.cancel()
        }
        progress.clear()
        await udp.close()
        try? await group.shutdownGracefully()
        if let feedError { throw feedError }

        var stats = ProbeStats()
        stats.names = names
        stats.queries = counters.queries.load(ordering: .relaxed)
        stats.responses = counters.responses.load(ordering: .relaxed)
        stats.timeouts = counters.timeouts.load(ordering: .relaxed)
        stats.mismatched = counters.mismatched.load(ordering: .relaxed)
        stats.malformed = counters.malformed.load(ordering: .relaxed)
        let elapsed = ContinuousClock.now - started
        stats.durationSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return stats
    }
}
