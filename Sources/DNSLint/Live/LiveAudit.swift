import Foundation
import LDNS
import NIOCore
import NIOPosix

/// Settings of a live run (the `dnslint live` flags).
public struct LiveOptions: Sendable {
    /// `HOST[:PORT]` of resolvers to audit; empty means the first nameserver of `systemResolvConf`.
    public var servers: [String] = []
    /// Ask the zones' own name servers (found through the resolvers) instead of the resolvers.
    public var authoritative = false
    public var authoritativePort = 53
    /// Global cap on queries per second; 0 means no cap.
    public var queriesPerSecond = 200
    /// Queries in flight at once.
    public var concurrency = 256
    public var timeoutSeconds = 2.0
    /// Extra attempts after a timeout, malformed reply or SERVFAIL.
    public var retries = 2
    /// resolv.conf whose search list and ndots expand the names.
    public var resolvConf: String?
    public var capturePath: String?
    public var udpSockets = 8
    /// nil: draw progress only when stderr is a terminal.
    public var progress: Bool?
    public var systemResolvConf = "/etc/resolv.conf"
    /// Corefiles, CoreDNS ConfigMaps or manifests whose combined rules (DNS4001, DNS4002) judge the answers.
    public var configPaths: [String] = []

    public init() {}
}

/// Runs a live audit: streams names, probes them, and lints what the network said as names complete,
/// so memory stays flat in the number of names.
public enum LiveAudit {
    /// Names finished before their findings are computed and their observations dropped.
    static let batchSize = 256

    public static func run(names: NameSource, live: LiveOptions, lint: LintOptions = LintOptions(), policy: Policy = Policy(),
                           rules: [any Rule] = RuleRegistry.all) async throws(InputError) -> LintReport {
        guard !names.isEmpty else { throw InputError("no names to audit: give names, --names-file, --zone or --axfr") }
        try names.validate()
        let servers = try resolvers(live)
        let settings = try live.resolvConf.map { path throws(InputError) in try ResolverSettings(contentsOf: path) }
        guard live.timeoutSeconds > 0, live.retries >= 0, live.concurrency > 0, live.queriesPerSecond >= 0 else {
            throw InputError("--timeout and --concurrency must be positive, --retries and --qps not negative")
        }
        // Configuration the answers combine with: read once, linted once, shared by every batch.
        let configs = try Linter.collect(paths: live.configPaths, options: lint)
        let configContext = LintContext(options: lint, inputs: configs.inputs, views: [])
        let configFindings = configs.findings + Linter.evaluate(configContext, rules: rules.filter { !($0 is any NameRule) })
        let mode: ProbeMode = live.authoritative ? .authoritative : .recursive
        let writer = try live.capturePath.map { path throws(InputError) in try CaptureWriter(path: path, mode: mode, settings: settings) }
        let started = ContinuousClock.now

        let group = MultiThreadedEventLoopGroup(numberOfThreads: min(4, max(1, System.coreCount)))
        let counters = ProbeCounters()
        let udp: UDPTransport
        do {
            udp = try await UDPTransport.open(group: group, count: live.udpSockets, counters: counters,
                                              ipv6: servers.contains(where: \.isIPv6) || live.authoritative)
        } catch {
            try? await group.shutdownGracefully()
            throw InputError("cannot open UDP sockets: \(error)")
        }
        let probeSettings = ProbeSettings(
            mode: mode, servers: servers, authoritativePort: live.authoritativePort,
            timeout: .nanoseconds(Int64(live.timeoutSeconds * 1e9)), retries: live.retries,
            search: (settings?.search ?? []).map { DNSName($0) }, ndots: settings?.ndots ?? 1)
        let prober = Prober(settings: probeSettings, udp: udp, tcp: TCPTransport(group: group, counters: counters),
                            gate: QueryGate(concurrency: live.concurrency, queriesPerSecond: live.queriesPerSecond))

        var batchOptions = lint
        batchOptions.threads = 1
        let nameRules = rules.filter { $0 is any NameRule }
        var collector = Collector(writer: writer, mode: mode, search: probeSettings.search, options: batchOptions, rules: nameRules,
                                  inputs: configs.inputs)
        let progress = ProgressLine(enabled: live.progress ?? (isatty(STDERR_FILENO) == 1))
        let targets: [ServerAddress?] = live.authoritative ? [nil] : servers
        let maxNames = max(1, live.concurrency)
        var sourceError: InputError?

        await withTaskGroup(of: CapturedName.self) { tasks in
            let ticker = Task {
                while !Task.isCancelled {
                    progress.draw(counters: counters, inFlight: counters.inFlight.load(ordering: .relaxed))
                    try? await Task.sleep(for: .milliseconds(250))
                }
            }
            var inFlight = 0
            do throws(InputError) {
                try await names.forEach(options: lint, timeoutSeconds: Int(live.timeoutSeconds.rounded(.up))) { entry in
                    for server in targets {
                        if inFlight >= maxNames, let record = await tasks.next() {
                            inFlight -= 1
                            collector.add(record)
                            progress.done.add(1, ordering: .relaxed)
                        }
                        tasks.addTask { await prober.audit(entry, server: server) }
                        inFlight += 1
                        counters.inFlight.store(inFlight, ordering: .relaxed)
                    }
                }
            } catch {
                sourceError = error
            }
            for await record in tasks {
                collector.add(record)
                progress.done.add(1, ordering: .relaxed)
            }
            ticker.cancel()
        }
        progress.clear()
        collector.flush()
        await udp.close()
        try? await group.shutdownGracefully()

        var stats = ProbeStats()
        stats.names = collector.names
        stats.queries = counters.queries.load(ordering: .relaxed)
        stats.responses = counters.responses.load(ordering: .relaxed)
        stats.timeouts = counters.timeouts.load(ordering: .relaxed)
        stats.mismatched = counters.mismatched.load(ordering: .relaxed)
        stats.malformed = counters.malformed.load(ordering: .relaxed)
        let elapsed = ContinuousClock.now - started
        stats.durationSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        writer?.finish(stats: stats)
        if let sourceError { throw sourceError }
        var findings = collector.findings
        findings.append(contentsOf: configFindings)
        policy.apply(to: &findings)
        return LintReport(findings: findings, filesChecked: configs.files, extraSummary: stats.summary)
    }

    /// `--server` values, or the first nameserver of the system resolv.conf.
    static func resolvers(_ live: LiveOptions) throws(InputError) -> [ServerAddress] {
        var servers: [ServerAddress] = []
        for text in live.servers {
            guard let server = ServerAddress(parsing: text) else {
                throw InputError("--server \(text): expected an IP address with an optional port, e.g. 10.0.0.10, 10.0.0.10:5353 or [2001:db8::53]:53")
            }
            servers.append(server)
        }
        if servers.isEmpty {
            let system = try ResolverSettings(contentsOf: live.systemResolvConf)
            guard let first = system.nameservers.first, let server = ServerAddress(parsing: first) else {
                throw InputError("no --server given and \(live.systemResolvConf) names no usable nameserver")
            }
            servers.append(server)
        }
        return servers
    }

    /// Groups finished names by the resolver they were asked on, as a capture loader does.
    static func views(of records: [CapturedName], mode: ProbeMode, search: [DNSName]) -> [LiveView] {
        var order: [String] = []
        var groups: [String: [CapturedName]] = [:]
        for record in records {
            if groups[record.server] == nil { order.append(record.server) }
            groups[record.server, default: []].append(record)
        }
        return order.map { server in
            LiveView(label: mode == .authoritative ? "authoritative servers" : "server \(server)", mode: mode,
                     search: search, names: groups[server] ?? [])
        }
    }
}

/// Takes finished names: writes them to the capture and lints them in small batches.
private struct Collector {
    let writer: CaptureWriter?
    let mode: ProbeMode
    let search: [DNSName]
    let options: LintOptions
    let rules: [any Rule]
    /// Parsed configuration (Corefiles, manifests) the name rules combine with.
    let inputs: [any ParsedInput]
    var batch: [CapturedName] = []
    var findings: [Finding] = []
    var names = 0

    init(writer: CaptureWriter?, mode: ProbeMode, search: [DNSName], options: LintOptions, rules: [any Rule],
         inputs: [any ParsedInput]) {
        self.writer = writer
        self.mode = mode
        self.search = search
        self.options = options
        self.rules = rules
        self.inputs = inputs
    }

    mutating func add(_ record: CapturedName) {
        names += 1
        writer?.write(record)
        batch.append(record)
        if batch.count >= LiveAudit.batchSize { flush() }
    }

    mutating func flush() {
        guard !batch.isEmpty else { return }
        let context = LintContext(options: options, inputs: inputs, views: LiveAudit.views(of: batch, mode: mode, search: search))
        findings += Linter.evaluate(context, rules: rules)
        batch.removeAll(keepingCapacity: true)
    }
}
