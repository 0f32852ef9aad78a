import LDNS
/// A CoreDNS release as `major.minor.patch`; `--coredns-version` picks the one rules judge against.
package struct CoreDNSVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var major: Int
    package var minor: Int
    package var patch: Int

    package init(_ major: Int, _ minor: Int, _ patch: Int = 0) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Checks a `--coredns-version` value: nil is fine (the default), anything unreadable is a usage error.
    package static func validateFlag(_ text: String?) throws(InputError) {
        if let text, CoreDNSVersion(text) == nil {
            throw InputError("--coredns-version takes a version such as 1.11.1, not \(text)")
        }
    }

    /// Reads `1.11.1`, `v1.11.1` or `1.11`; nil for anything else.
    package init?(_ text: String) {
        let trimmed = text.hasPrefix("v") ? String(text.dropFirst()) : text
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0 != nil && $0! >= 0 }) else { return nil }
        self.init(parts[0]!, parts[1]!, parts.count == 3 ? parts[2]! : 0)
    }

    /// The newest release dnslint knows about: what "unknown" means where assuming an older release would
    /// raise a false alarm (a plugin that might be missing); hazard rules assume an affected release instead
    /// (`JudgedCoreDNSVersion`).
    package static let latestKnown = CoreDNSVersion(1, 14, 7)

    package var description: String { "\(major).\(minor).\(patch)" }

    package static func < (lhs: CoreDNSVersion, rhs: CoreDNSVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }
}

/// Which plugins a stock CoreDNS build has, from `plugin.cfg` of every release tag v1.0.0…v1.14.7
/// (github.com/coredns/coredns/blob/v1.14.7/plugin.cfg), and the ones releases removed.
package enum CoreDNSPlugins {
    /// In-tree plugins of the latest known release and the release that first listed each.
    package static let added: [String: CoreDNSVersion] = [
        "acl": CoreDNSVersion(1, 6, 4),
        "any": CoreDNSVersion(1, 5, 1),
        "auto": CoreDNSVersion(1, 0, 0),
        "autopath": CoreDNSVersion(1, 0, 0),
        "azure": CoreDNSVersion(1, 6, 2),
        "bind": CoreDNSVersion(1, 0, 0),
        "bufsize": CoreDNSVersion(1, 6, 6),
        "cache": CoreDNSVersion(1, 0, 0),
        "cancel": CoreDNSVersion(1, 5, 0),
        "chaos": CoreDNSVersion(1, 0, 0),
        "clouddns": CoreDNSVersion(1, 6, 3),
        "debug": CoreDNSVersion(1, 0, 0),
        "dns64": CoreDNSVersion(1, 7, 0),
        "dnssec": CoreDNSVersion(1, 0, 0),
        "dnstap": CoreDNSVersion(1, 0, 0),
        "erratic": CoreDNSVersion(1, 0, 0),
        "errors": CoreDNSVersion(1, 0, 0),
        "etcd": CoreDNSVersion(1, 0, 0),
        "file": CoreDNSVersion(1, 0, 0),
        "forward": CoreDNSVersion(1, 0, 5),
        "geoip": CoreDNSVersion(1, 8, 5),
        "grpc": CoreDNSVersion(1, 5, 0),
        "grpc_server": CoreDNSVersion(1, 14, 0),
        "header": CoreDNSVersion(1, 8, 5),
        "health": CoreDNSVersion(1, 0, 0),
        "hosts": CoreDNSVersion(1, 0, 0),
        "https": CoreDNSVersion(1, 14, 0),
        "https3": CoreDNSVersion(1, 14, 0),
        "k8s_external": CoreDNSVersion(1, 3, 0),
        "kubernetes": CoreDNSVersion(1, 0, 0),
        "loadbalance": CoreDNSVersion(1, 0, 0),
        "local": CoreDNSVersion(1, 8, 1),
        "log": CoreDNSVersion(1, 0, 0),
        "loop": CoreDNSVersion(1, 2, 1),
        "metadata": CoreDNSVersion(1, 2, 0),
        "minimal": CoreDNSVersion(1, 8, 4),
        "multisocket": CoreDNSVersion(1, 12, 0),
        "nomad": CoreDNSVersion(1, 13, 0),
        "nsid": CoreDNSVersion(1, 0, 1),
        "on": CoreDNSVersion(1, 0, 5),
        "pprof": CoreDNSVersion(1, 0, 0),
        "prometheus": CoreDNSVersion(1, 0, 0),
        "proxyproto": CoreDNSVersion(1, 14, 3),
        "quic": CoreDNSVersion(1, 12, 2),
        "ready": CoreDNSVersion(1, 5, 0),
        "reload": CoreDNSVersion(1, 1, 0),
        "rewrite": CoreDNSVersion(1, 0, 0),
        "root": CoreDNSVersion(1, 0, 0),
        "route53": CoreDNSVersion(1, 0, 5),
        "secondary": CoreDNSVersion(1, 0, 0),
        "shed": CoreDNSVersion(1, 14, 7),
        "sign": CoreDNSVersion(1, 6, 3),
        "template": CoreDNSVersion(1, 0, 3),
        "timeouts": CoreDNSVersion(1, 10, 1),
        "tls": CoreDNSVersion(1, 0, 0),
        "trace": CoreDNSVersion(1, 0, 0),
        "transfer": CoreDNSVersion(1, 6, 5),
        "tsig": CoreDNSVersion(1, 9, 4),
        "view": CoreDNSVersion(1, 10, 0),
        "whoami": CoreDNSVersion(1, 0, 0),
    ]

    /// A plugin that stock builds dropped, with its replacement and the release notes that say so.
    package struct Removal: Sendable {
        package var plugin: String
        package var deprecatedIn: CoreDNSVersion
        package var removedIn: CoreDNSVersion
        package var replacement: String
        package var reference: String
    }

    package static let removed: [Removal] = [
        Removal(plugin: "proxy", deprecatedIn: CoreDNSVersion(1, 4, 0), removedIn: CoreDNSVersion(1, 5, 0),
                replacement: "forward (`forward . /etc/resolv.conf` replaces `proxy . /etc/resolv.conf`)",
                reference: "https://github.com/coredns/coredns/blob/master/notes/coredns-1.5.0.md"),
        Removal(plugin: "federation", deprecatedIn: CoreDNSVersion(1, 6, 0), removedIn: CoreDNSVersion(1, 7, 0),
                replacement: "nothing in tree: Kubernetes federation v1 is gone; drop the line",
                reference: "https://github.com/coredns/coredns/pull/3794"),
        Removal(plugin: "reverse", deprecatedIn: CoreDNSVersion(1, 1, 3), removedIn: CoreDNSVersion(1, 2, 0),
                replacement: "template (synthesise PTR answers with a template block)",
                reference: "https://github.com/coredns/coredns/blob/master/notes/coredns-1.1.4.md"),
        Removal(plugin: "startup", deprecatedIn: CoreDNSVersion(1, 0, 6), removedIn: CoreDNSVersion(1, 1, 0),
                replacement: "on (`on startup COMMAND`)",
                reference: "https://github.com/coredns/coredns/blob/master/notes/coredns-1.1.0.md"),
        Removal(plugin: "shutdown", deprecatedIn: CoreDNSVersion(1, 0, 6), removedIn: CoreDNSVersion(1, 1, 0),
                replacement: "on (`on shutdown COMMAND`)",
                reference: "https://github.com/coredns/coredns/blob/master/notes/coredns-1.1.0.md"),
    ]

    package static func removal(of plugin: String) -> Removal? { removed.first { $0.plugin == plugin } }

    /// True for any plugin some stock release has had.
    package static func isInTree(_ name: String) -> Bool { added[name] != nil || removal(of: name) != nil }

    /// True when the stock build of `version` has the plugin.
    package static func isAvailable(_ name: String, in version: CoreDNSVersion) -> Bool {
        if let first = added[name] { return first <= version }
        if let removal = removal(of: name) { return version < removal.removedIn }
        return false
    }
}
