import DNSLintInputs
import DNSLintLive
import DNSLintModel
import DNSLintReporting
import DNSLintRules
import Foundation

/// Settings of a live run beyond the lint options (the `dnslint live` flags).
package struct LiveOptions: Sendable {
    /// `HOST[:PORT]` of resolvers to audit; empty means the first nameserver of `systemResolvConf`.
    package var servers: [String] = []
    /// Ask the zones' own name servers (found through the resolvers) instead of the resolvers.
    package var authoritative = false
    package var authoritativePort = 53
    package var queriesPerSecond = 200
    package var concurrency = 256
    package var timeoutSeconds = 2.0
    package var retries = 2
    /// resolv.conf whose search list and ndots expand the names.
    package var resolvConf: String?
    package var capturePath: String?
    package var udpSockets = 8
    /// nil: draw progress only when stderr is a terminal.
    package var progress: Bool?
    package var systemResolvConf = "/etc/resolv.conf"
    /// Corefiles, CoreDNS ConfigMaps or manifests whose combined rules (DNS4001, DNS4002) judge the answers.
    package var configPaths: [String] = []
    /// Audit only this shard's part of the names.
    package var shard: Shard?

    package init() {}
}

/// A live audit as a streaming input to the `Linter`: names go to the prober, finished names come back
/// as observations and are judged in small batches by the same rules that judge zone files.
package enum LiveRun {
    /// Names finished before their findings are computed and their observations dropped.
    static let batchSize = 256

    package static func run(names: NameSource, live: LiveOptions, lint: LintOptions = LintOptions(), policy: Policy = Policy(),
                            rules: [any Rule] = RuleRegistry.all) async throws(InputError) -> LintReport {
        guard !names.isEmpty else { throw InputError("no names to audit: give names, --names-file, --zone or --axfr") }
        try names.validate()
        guard live.timeoutSeconds > 0, live.retries >= 0, live.concurrency > 0, live.queriesPerSecond >= 0 else {
            throw InputError("--timeout and --concurrency must be positive, --retries and --qps not negative")
        }
        let settings = try live.resolvConf.map { path throws(InputError) in try ResolverSettings(contentsOf: path) }
        var probe = ProbeOptions()
        probe.mode = live.authoritative ? .authoritative : .recursive
        probe.servers = try resolvers(live)
        probe.authoritativePort = live.authoritativePort
        probe.queriesPerSecond = live.queriesPerSecond
        probe.concurrency = live.concurrency
        probe.timeoutSeconds = live.timeoutSeconds
        probe.retries = live.retries
        probe.search = (settings?.search ?? []).map { DNSName($0) }
        probe.ndots = settings?.ndots ?? 1
        probe.udpSockets = live.udpSockets
        probe.maxCNAMEHops = lint.maxCNAMEHops
        probe.progress = live.progress ?? (isatty(STDERR_FILENO) == 1)

        // Configuration the answers combine with: read and judged once, shared by every batch.
        let linter = try Linter(paths: live.configPaths, options: lint, policy: policy, rules: rules)
        let writer = try live.capturePath.map { path throws(InputError) in
            try CaptureWriter(path: path, mode: probe.mode, settings: settings)
        }
        let batches = Batches(linter: linter, writer: writer, mode: probe.mode, search: probe.search)
        let stop = lint.stop
        let stats = try await LiveProbe.run(probe, feed: { body throws(InputError) in
            try await names.forEach(options: lint, timeoutSeconds: Int(live.timeoutSeconds.rounded(.up)),
                                    issues: { batches.linter.add($0) }) { entry in
                if let shard = live.shard, !shard.owns(entry.name) { return }
                // Once stopped, no new queries: the names left are only counted for the report.
                if let stop, stop.isRequested {
                    stop.namesNotAudited.add(1, ordering: .relaxed)
                    stop.leftOut(at: entry.source.map { SourceLocation(path: $0.path, line: $0.line) })
                    return
                }
                await body(entry)
            }
        }, finished: { batches.add($0) })
        batches.flush()
        try writer?.finish(stats: stats)
        return batches.linter.finish(summary: stats.summary)
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
}

/// Takes finished names: writes them to the capture and has the linter judge them in small batches.
private final class Batches {
    var linter: Linter
    let writer: CaptureWriter?
    let mode: ProbeMode
    let search: [DNSName]
    var batch: [CapturedName] = []

    init(linter: Linter, writer: CaptureWriter?, mode: ProbeMode, search: [DNSName]) {
        self.linter = linter
        self.writer = writer
        self.mode = mode
        self.search = search
    }

    func add(_ record: CapturedName) {
        writer?.write(record)
        batch.append(record)
        if batch.count >= LiveRun.batchSize { flush() }
    }

    func flush() {
        guard !batch.isEmpty else { return }
        linter.judge(LiveView.grouped(batch, mode: mode, search: search, maxCNAMEHops: linter.options.maxCNAMEHops),
                     threads: 1, finishEvenIfStopped: true)
        batch.removeAll(keepingCapacity: true)
    }
}
