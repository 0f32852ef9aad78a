import DNSLintModel

/// The parts of one CoreDNS server block the simulation runs, read from its Corefile directives.
package struct CoreDNSSetup: Sendable, Hashable {
    package var version: CoreDNSVersion
    package var autopath: Bool
    /// `kubernetes` zones (absolute, lower-case), e.g. `cluster.local.`.
    package var clusterZones: [String]
    /// The kubernetes plugin's TTL (`ttl`, default 5 s): also the minimum of the SOA it answers NXDOMAIN with.
    package var clusterTTL: UInt32
    package var cache: CacheSettings?
    package var forward: ForwardSettings?
    /// The CoreDNS pod's own search domains (from the node), which autopath appends to the pod's list.
    package var hostSearch: [String]

    package struct CacheSettings: Sendable, Hashable, Codable {
        /// Caps on the TTL an entry is kept (`cache 30` sets both), in seconds.
        package var successCap: UInt32 = 3600
        package var denialCap: UInt32 = 1800
        /// Floors: plugin/cache/cache.go minpttl and minnttl (dnsutil.MinimalDefaultTTL, 5 s).
        package var successFloor: UInt32 = 5
        package var denialFloor: UInt32 = 5
        /// `prefetch AMOUNT [DURATION] [PERCENTAGE%]`: an entry asked AMOUNT times within DURATION is refreshed
        /// when a query arrives with PERCENTAGE of its TTL or less left.
        package var prefetch: Prefetch?
        /// `serve_stale [DURATION]`: an expired entry is answered (TTL 0) for DURATION while it is refreshed.
        package var serveStale: UInt32?

        package init() {}

        package struct Prefetch: Sendable, Hashable, Codable {
            package var amount = 2
            package var duration: UInt32 = 60
            package var percentage = 10
            package init() {}
        }
    }

    package struct ForwardSettings: Sendable, Hashable, Codable {
        package var preferUDP = false
        package var forceTCP = false
        package init(preferUDP: Bool = false, forceTCP: Bool = false) {
            self.preferUDP = preferUDP
            self.forceTCP = forceTCP
        }
    }

    /// Before 1.14.7 plugin.cfg runs cache ahead of autopath (v1.14.6 plugin.cfg lines 35 and 40; v1.14.7
    /// moved autopath ahead of cache), so an answer autopath built for one pod is cached for every pod.
    package var cacheInFrontOfAutopath: Bool { version < CoreDNSVersion(1, 14, 7) }

    /// Before 1.8.0 a UDP exchange with the upstream could come back truncated with TC cleared (the seed's
    /// incident on 1.6.6); `prefer_udp` (working from 1.6.2) or `force_tcp` fetch the whole answer instead.
    package var losesTruncation: Bool {
        guard let forward, version < CoreDNSVersion(1, 8, 0) else { return false }
        if forward.forceTCP { return false }
        return !(forward.preferUDP && version >= CoreDNSVersion(1, 6, 2))
    }

    package init(version: CoreDNSVersion, autopath: Bool, clusterZones: [String] = ["cluster.local."], clusterTTL: UInt32 = 5,
                 cache: CacheSettings? = CacheSettings(), forward: ForwardSettings? = ForwardSettings(), hostSearch: [String] = []) {
        self.version = version
        self.autopath = autopath
        self.clusterZones = clusterZones
        self.clusterTTL = clusterTTL
        self.cache = cache
        self.forward = forward
        self.hostSearch = hostSearch
    }

    /// Reads the block that serves the root zone (or the first block). Autopath counts only with
    /// `autopath @kubernetes` and `pods verified`: without them it does nothing (DNS2002).
    package init(block: Corefile.ServerBlock, version: CoreDNSVersion) {
        self.version = version
        let kubernetes = block.directive("kubernetes")
        let verified = kubernetes?.option("pods")?.args.first == "verified"
        autopath = block.directive("autopath")?.args.first == "@kubernetes" && verified
        let zones = kubernetes?.args.filter { !$0.contains("/") && Int($0) == nil } ?? []
        clusterZones = (zones.isEmpty ? block.keys.compactMap { $0.zone?.text } : zones).map(Self.absolute)
        clusterTTL = kubernetes?.option("ttl")?.args.first.flatMap { UInt32($0) } ?? 5
        cache = block.directive("cache").map(Self.cacheSettings)
        forward = block.directive("forward").map { directive in
            ForwardSettings(preferUDP: directive.option("prefer_udp") != nil, forceTCP: directive.option("force_tcp") != nil)
        }
        hostSearch = []
    }

    private static func absolute(_ zone: String) -> String {
        let lower = zone.lowercased()
        return lower.hasSuffix(".") ? lower : lower + "."
    }

    private static func cacheSettings(_ directive: Corefile.Directive) -> CacheSettings {
        var settings = CacheSettings()
        if let cap = directive.args.first.flatMap({ UInt32($0) }) {
            settings.successCap = cap
            settings.denialCap = cap
        }
        for option in directive.block {
            let numbers = option.args.compactMap { UInt32($0) }
            switch option.name {
            case "success" where numbers.count >= 2: settings.successCap = numbers[1]
            case "denial" where numbers.count >= 2: settings.denialCap = numbers[1]
            case "prefetch":
                var prefetch = CacheSettings.Prefetch()
                if let amount = numbers.first { prefetch.amount = Int(amount) }
                for argument in option.args.dropFirst() {
                    if argument.hasSuffix("%"), let value = Int(argument.dropLast()) { prefetch.percentage = value }
                    if let seconds = GoDuration.seconds(argument) { prefetch.duration = UInt32(seconds) }
                }
                settings.prefetch = prefetch
            case "serve_stale":
                settings.serveStale = option.args.first.flatMap { GoDuration.seconds($0) }.map { UInt32($0) } ?? 3600
            default: continue
            }
        }
        return settings
    }
}
