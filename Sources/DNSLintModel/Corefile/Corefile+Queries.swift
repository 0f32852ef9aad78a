import LDNS
/// Questions rules ask of a Corefile: which block answers a name, what cache and forward do there.
extension Corefile {
    /// The block CoreDNS hands a query to on one listener, and the key zone that won.
    package struct Route: Sendable {
        package var block: ServerBlock
        package var key: ServerKey
        package var zone: DNSName
    }

    /// For each listener (transport and port) that serves `name`, the block whose key zone is the
    /// longest suffix of it — CoreDNS' routing. Keys that are placeholders are left out.
    package func routes(for name: DNSName, transport: Transport? = nil, port: Int? = nil) -> [Route] {
        var best: [String: Route] = [:]
        var order: [String] = []
        for block in serverBlocks {
            for key in block.keys where !key.isPlaceholder {
                if let transport, key.transport != transport { continue }
                if let port, key.port != port { continue }
                let listener = "\(key.transport.rawValue):\(key.port.map(String.init) ?? "")"
                for zone in key.zones where name.isSubdomain(of: zone) {
                    if let current = best[listener], current.zone.text.count >= zone.text.count { continue }
                    if best[listener] == nil { order.append(listener) }
                    best[listener] = Route(block: block, key: key, zone: zone)
                }
            }
        }
        return order.compactMap { best[$0] }
    }

    /// The blocks that answer `name` (one per listener), e.g. to ask whether they run autopath.
    package func serverBlocks(serving name: DNSName, transport: Transport? = nil, port: Int? = nil) -> [ServerBlock] {
        routes(for: name, transport: transport, port: port).map(\.block)
    }
}

extension Corefile.ServerBlock {
    package var hasAutopath: Bool { has("autopath") }

    /// The block's `cache` settings, or nil when it does not cache.
    package var cache: CacheSettings? { directive("cache").map { CacheSettings($0, keys: keys) } }

    /// Every `forward` and `proxy` line with what it sends where.
    package var forwards: [ForwardSettings] {
        directives.filter { $0.name == "forward" || $0.name == "proxy" }.map(ForwardSettings.init)
    }

    /// The forwarders that hand an upstream's truncated UDP answer back to the client on `version`.
    package func forwardsPassingTruncation(on version: JudgedCoreDNSVersion) -> [ForwardSettings] {
        forwards.filter { $0.passesTruncation(on: version) }
    }

    /// True when the block caches answers autopath built for one client: before 1.14.7 the plugin
    /// chain (plugin.cfg) runs cache ahead of autopath; coredns/coredns#8290 moved autopath first.
    /// An unknown release is assumed affected.
    package func cachesAutopathAnswers(on version: JudgedCoreDNSVersion) -> Bool {
        hasAutopath && has("cache") && version.isBefore(Self.autopathBeforeCacheSince)
    }

    package static let autopathBeforeCacheSince = CoreDNSVersion(1, 14, 7)
}

/// What `cache [TTL] [ZONES...] { success CAP [TTL [MINTTL]]; denial ...; ... }` sets.
package struct CacheSettings: Sendable {
    package var directive: Corefile.Directive
    /// Upper bound on the TTL of cached positive answers, in seconds (CoreDNS default 3600).
    package var successTTLCap: Int
    /// Upper bound on the TTL of cached NXDOMAIN/NODATA answers (default 1800).
    package var denialTTLCap: Int
    /// Lower bounds (default 5).
    package var successMinTTL: Int
    package var denialMinTTL: Int
    /// Zones the cache applies to: its arguments, else the server block's zones.
    package var zones: [DNSName]

    package static let defaultSuccessTTL = 3600
    package static let defaultDenialTTL = 1800
    package static let defaultMinTTL = 5

    package init(_ directive: Corefile.Directive, keys: [Corefile.ServerKey]) {
        self.directive = directive
        var args = directive.args
        successTTLCap = Self.defaultSuccessTTL
        denialTTLCap = Self.defaultDenialTTL
        successMinTTL = Self.defaultMinTTL
        denialMinTTL = Self.defaultMinTTL
        if let first = args.first, let ttl = Int(first) {
            successTTLCap = ttl
            denialTTLCap = ttl
            args.removeFirst()
        }
        zones = args.isEmpty ? keys.flatMap(\.zones) : args.map { DNSName($0) }
        for option in directive.block where option.name == "success" || option.name == "denial" {
            let numbers = option.args.map { Int($0) }
            let ttl = numbers.count > 1 ? numbers[1] : nil
            let minimum = numbers.count > 2 ? numbers[2] : nil
            if option.name == "success" {
                successTTLCap = ttl ?? successTTLCap
                successMinTTL = minimum ?? successMinTTL
            } else {
                denialTTLCap = ttl ?? denialTTLCap
                denialMinTTL = minimum ?? denialMinTTL
            }
        }
    }

    /// True when answers for `name` go through this cache.
    package func applies(to name: DNSName) -> Bool { zones.contains { name.isSubdomain(of: $0) } }

    /// The TTL the cache hands out for a positive answer whose records carry `ttl`.
    package func cachedSuccessTTL(for ttl: Int) -> Int { min(max(ttl, successMinTTL), successTTLCap) }
}

/// One `forward FROM TO...` (or legacy `proxy`) line: its upstreams and transport options.
package struct ForwardSettings: Sendable {
    package enum UpstreamKind: Sendable, Equatable {
        /// Plain DNS over UDP (falling back to TCP only as the client does).
        case plainDNS
        /// A resolv.conf-style file whose nameservers are plain DNS.
        case resolvConf
        case tls, grpc, https
        /// A placeholder or `{$ENV}` reference.
        case unknown
    }

    package struct Upstream: Sendable {
        package var text: String
        package var kind: UpstreamKind
        package var location: SourceLocation
    }

    package var directive: Corefile.Directive
    package var from: String?
    package var upstreams: [Upstream]
    package var forceTCP: Bool
    package var preferUDP: Bool

    package init(_ directive: Corefile.Directive) {
        self.directive = directive
        from = directive.args.first
        upstreams = directive.arguments.dropFirst().map { Upstream(text: $0.text, kind: Self.kind(of: $0), location: $0.location) }
        if directive.name == "proxy" {
            let protocols = directive.options(named: "protocol").flatMap(\.args)
            forceTCP = protocols.contains("force_tcp")
            preferUDP = false
            if protocols.first == "https_google" || protocols.first == "grpc" {
                upstreams = upstreams.map { Upstream(text: $0.text, kind: protocols.first == "grpc" ? .grpc : .https, location: $0.location) }
            }
        } else {
            forceTCP = directive.option("force_tcp") != nil
            preferUDP = directive.option("prefer_udp") != nil
        }
    }

    static func kind(of argument: Corefile.Argument) -> UpstreamKind {
        if argument.isUnknownValue { return .unknown }
        let text = argument.text.lowercased()
        if text.hasPrefix("tls://") { return .tls }
        if text.hasPrefix("grpc://") { return .grpc }
        if text.hasPrefix("https://") { return .https }
        if text.hasPrefix("dns://") { return .plainDNS }
        // forward reads any argument that is not an address as a resolv.conf-style file.
        if text.hasPrefix("/") || text.hasPrefix(".") || text.hasSuffix(".conf") { return .resolvConf }
        return .plainDNS
    }

    /// Plain-DNS upstreams (addresses or a resolv.conf file) asked over UDP by default.
    package var plainUpstreams: [Upstream] { upstreams.filter { $0.kind == .plainDNS || $0.kind == .resolvConf } }

    /// True when a truncated UDP answer from an upstream goes back to the client as is: plain-DNS upstreams,
    /// no `force_tcp`, and no working `prefer_udp` retry (it works from 1.6.2; an unknown release is given
    /// the benefit of the doubt here, since most run a later one).
    package func passesTruncation(on version: JudgedCoreDNSVersion) -> Bool {
        guard !forceTCP, !plainUpstreams.isEmpty else { return false }
        return !preferUDP || preferUDPIsDead(on: version)
    }

    /// `prefer_udp` is written but its retry does not run on the judged (known) release.
    package func preferUDPIsDead(on version: JudgedCoreDNSVersion) -> Bool {
        preferUDP && (version.version.map { $0 < TruncationFacts.preferUDPWorksSince } ?? false)
    }

    package var readsResolvConf: Bool { upstreams.contains { $0.kind == .resolvConf } }
}
