import DNSLintInputs
import DNSLintModel
import DNSLintSimulate

/// Builds a simulation plan from the files `check` reads: the Corefile block that serves the lookups and
/// its CoreDNS version, the client pod's resolv.conf (from a manifest or a file) and the zones behind forward.
package enum SimulationInputs {
    package struct Request: Sendable {
        package var paths: [String]
        package var lookups: [String]
        /// `namespace/name` of the workload whose pods look the names up; nil: the only one, or the first.
        package var from: String?
        package var duration: Double
        package var arrivals: SimulationPlan.Arrivals
        package var autopathMiss: Double
        package var seed: UInt64
        package var options: LintOptions

        package init(paths: [String], lookups: [String], from: String?, duration: Double, arrivals: SimulationPlan.Arrivals,
                     autopathMiss: Double, seed: UInt64, options: LintOptions) {
            self.paths = paths
            self.lookups = lookups
            self.from = from
            self.duration = duration
            self.arrivals = arrivals
            self.autopathMiss = autopathMiss
            self.seed = seed
            self.options = options
        }
    }

    /// What the plan was built from, for the report's header.
    package struct Sources: Sendable {
        package var corefile: String
        package var version: CoreDNSVersion
        package var versionSource: String
        package var client: String
    }

    package static func plan(_ request: Request) throws(InputError) -> (SimulationPlan, Sources) {
        let read = try InputReader.read(paths: request.paths, options: request.options)
        let corefiles = read.inputs.compactMap { $0 as? Corefile }
        guard let lookup = request.lookups.first else { throw InputError("simulate needs at least one --lookup NAME") }
        let probe = DNSName(lookup.hasSuffix(".") ? lookup : lookup + ".")
        guard let corefile = corefiles.first(where: { !$0.serverBlocks(serving: probe).isEmpty }) ?? corefiles.first,
              let block = corefile.serverBlocks(serving: probe).first ?? corefile.serverBlocks.first else {
            throw InputError("simulate needs a CoreDNS Corefile (or its ConfigMap) among \(request.paths.joined(separator: " "))")
        }
        // The Corefile's own version, as the lint rules judge it; the simulation needs one, so an unknown
        // release runs as the latest known and says so.
        let images = read.inputs.compactMap { $0 as? CoreDNSImage }
        let judged = CoreDNSVersionScope.judge(corefile, options: request.options, images: images,
                                               corefilePaths: Set(corefiles.map(\.path)))
        // Unknown: a release before 1.14.7 (cache in front of autopath), as the lint rules assume: most clusters
        // run one, and assuming the latest would hide the failure the user came to see.
        let version = judged.isKnown ? judged.orLatest : CoreDNSVersion(1, 14, 6)
        let versionSource = judged.isKnown ? judged.sourceDescription
            : "assumed: version unknown, so a release before 1.14.7; pass --coredns-version or set coredns-version in the config"
        let (conf, label) = try client(read.inputs.compactMap { $0 as? ResolvConf }, from: request.from)
        // --libc, else what the workload's images say (an Alpine image is musl, and its branch says whether that
        // musl retries truncated answers over TCP), else glibc.
        let image = conf.pod?.containers.compactMap(\.libc).first
        let libc = request.options.libcOverride ?? image?.libc ?? .glibc
        let tcpFallback: Bool? = libc == .musl ? (image?.muslRelease.map { $0 >= MuslRelease.tcpFallback } ?? false) : nil
        let settings = ClientSettings(conf.effective(for: libc), tcpFallback: tcpFallback)
        let namespace = conf.pod?.namespace ?? namespaceFromSearch(settings.search) ?? "default"
        let plan = SimulationPlan(
            names: request.lookups,
            client: SimulationPlan.Client(label: label, namespace: namespace, settings: settings),
            setup: CoreDNSSetup(block: block, version: version),
            upstream: Upstream(views: read.views),
            duration: request.duration, arrivals: request.arrivals, autopathMiss: request.autopathMiss, seed: request.seed)
        return (plan, Sources(corefile: corefile.path, version: version, versionSource: versionSource, client: label))
    }

    private static func client(_ confs: [ResolvConf], from: String?) throws(InputError) -> (ResolvConf, String) {
        if let from {
            let match = confs.first { conf in
                guard let pod = conf.pod else { return conf.path == from }
                return "\(pod.namespace)/\(pod.name)" == from || pod.name == from
            }
            guard let match else {
                let known = confs.map { $0.pod.map { "\($0.namespace)/\($0.name)" } ?? $0.path }
                throw InputError("--from \(from) matches no workload or resolv.conf among the inputs (\(known.joined(separator: ", ")))")
            }
            return (match, label(match))
        }
        guard let first = confs.first(where: { $0.pod != nil }) ?? confs.first else {
            throw InputError("simulate needs the client's DNS settings: a Kubernetes workload or a resolv.conf among the inputs")
        }
        return (first, label(first))
    }

    private static func label(_ conf: ResolvConf) -> String {
        conf.pod.map { "\($0.kind) \($0.namespace)/\($0.name)" } ?? conf.path
    }

    /// `shop.svc.cluster.local` → `shop`.
    private static func namespaceFromSearch(_ search: [String]) -> String? {
        search.first { $0.contains(".svc.") }.map { String($0.prefix { $0 != "." }) }
    }
}
