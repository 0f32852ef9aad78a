import ArgumentParser
import Foundation
import DNSLint
import DNSLintModel
import DNSLintReporting
import DNSLintRules

/// `dnslint live`: query name servers, follow every CNAME hop, and run the DNS data rules on the answers.
struct LiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "Query name servers and audit what they answer.",
        discussion: """
            Asks A and AAAA for each name with and without EDNS, follows every CNAME hop itself, retries truncated \
            answers over TCP and expands names through a resolv.conf search list. An unreachable server is a \
            finding (DNS1013), not a usage error. Save the observations with --capture and grade them again \
            offline with `dnslint analyze`.
            """
    )

    @Argument(help: "Names to audit.")
    var names: [String] = []

    @Option(name: .long, help: "File with one name per line ('#' starts a comment); after a name, MX, NS, SRV or SOA asks those records and their targets (DNS1007).")
    var namesFile: [String] = []

    @Option(name: .long, help: "Zone file whose owner names are audited.")
    var zone: [String] = []

    @Option(name: .long, help: "ZONE@SERVER[:PORT]: audit every owner name of the zone, fetched by AXFR.")
    var axfr: [String] = []

    @Option(name: .long, help: "Resolver to ask, HOST[:PORT] or [IPv6]:PORT. Repeatable. Default: first nameserver of /etc/resolv.conf.")
    var server: [String] = []

    @Flag(name: .long, help: "Ask each zone's own name servers (found through the resolver) without recursion.")
    var authoritative = false

    @Option(name: .long, help: ArgumentHelp("Port of the zones' name servers in --authoritative mode.", visibility: .hidden))
    var authoritativePort = 53

    @Option(name: .long, help: "resolv.conf whose search list and ndots expand the names.")
    var resolvConf: String?

    @Option(name: .long, help: "Queries per second at most (0: no cap).")
    var qps = 200

    @Option(name: .long, help: "Queries in flight at most.")
    var concurrency = 256

    @Option(name: .long, help: "Seconds to wait for each answer.")
    var timeout = 2.0

    @Option(name: .long, help: "Extra attempts after a timeout, malformed answer or SERVFAIL.")
    var retries = 2

    @Option(name: .long, help: "Write every query and response to this JSON file (re-analyse with `dnslint analyze`).")
    var capture: String?

    @Option(name: .long, help: "K/N: audit only shard K of N (1-based), a stable split of the names; join the reports with `dnslint merge`.")
    var shard: String?

    @Flag(name: .long, inversion: .prefixedNo, help: "Progress line on stderr (default: only on a terminal).")
    var progress: Bool?

    @Option(name: .long, help: "Corefile, CoreDNS ConfigMap or manifest the answers are combined with (DNS4001, DNS4002). Repeatable. Default: the corefiles of .dnslint.yml.")
    var coredns: [String] = []

    @OptionGroup var lint: LintFlags
    @OptionGroup var output: OutputOptions
    @OptionGroup var configFlags: ConfigFlags
    @OptionGroup var gate: GateOptions

    func run() async throws {
        let run = try configFlags.settings(lint: lint, output: output)
        var source = NameSource(arguments: names, namesFiles: namesFile, zoneFiles: zone, transfers: axfr)
        var live = LiveOptions()
        live.servers = server
        live.configPaths = coredns
        // Names, servers and Corefiles not given on the command line come from the inventory.
        if let project = run.project {
            if source.isEmpty { source = try ProjectRun.names(project) }
            if server.isEmpty { live.servers = project.inventory.servers }
            if coredns.isEmpty { live.configPaths = try ProjectRun.corefiles(project) }
        }
        live.authoritative = authoritative
        live.authoritativePort = authoritativePort
        live.resolvConf = resolvConf
        live.queriesPerSecond = qps
        live.concurrency = concurrency
        live.timeoutSeconds = timeout
        live.retries = retries
        live.capturePath = capture
        live.progress = progress
        if let shard {
            guard let parsed = Shard(shard) else { throw ValidationError("--shard takes K/N with 1 <= K <= N, e.g. 2/8, not \(shard)") }
            live.shard = parsed
        }
        var report = try await LiveRun.run(names: source, live: live, lint: run.options, policy: run.policy)
        if try gate.apply(to: &report, keys: FindingKeys(root: RepositoryRoot(workingDirectory: FileManager.default.currentDirectoryPath),
                                                            maxFileBytes: run.options.maxFileBytes)) {
            return
        }
        try run.output.emit(report, category: "dnslint/live/")
    }
}
