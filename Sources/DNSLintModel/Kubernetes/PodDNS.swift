import LDNS
/// A pod's `dnsPolicy` (Kubernetes API, core/v1).
package enum DNSPolicy: String, Sendable, CaseIterable {
    case clusterFirst = "ClusterFirst"
    case clusterFirstWithHostNet = "ClusterFirstWithHostNet"
    case `default` = "Default"
    case none = "None"
}

/// Where the kubelet takes a pod's resolv.conf from, after hostNetwork is taken into account.
package enum PodDNSSource: String, Sendable {
    /// Cluster DNS server, `<ns>.svc.<domain> svc.<domain> <domain>`, `ndots:5`.
    case cluster
    /// The node's resolv.conf (dnsPolicy Default, or ClusterFirst with hostNetwork).
    case node
    /// Only what `dnsConfig` says (dnsPolicy None).
    case dnsConfigOnly
}

/// One pod template's DNS settings as written in a manifest: the public face for rules that
/// combine pods with other inputs (e.g. a Corefile's autopath).
package struct PodDNS: Sendable, CustomStringConvertible {
    package init(kind: String, name: String, namespace: String, namespaceLocation: SourceLocation? = nil, clusterDomain: String, policy: DNSPolicy, policyLocation: SourceLocation? = nil, hostNetwork: Bool, templateLocation: SourceLocation, dnsConfigLocation: SourceLocation? = nil, dnsConfigNameservers: Int, containers: [ContainerImage] = [], hostNetworkLocation: SourceLocation? = nil) {
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.namespaceLocation = namespaceLocation
        self.clusterDomain = clusterDomain
        self.policy = policy
        self.policyLocation = policyLocation
        self.hostNetwork = hostNetwork
        self.templateLocation = templateLocation
        self.dnsConfigLocation = dnsConfigLocation
        self.dnsConfigNameservers = dnsConfigNameservers
        self.containers = containers
        self.hostNetworkLocation = hostNetworkLocation
    }

    /// The workload kind (`Deployment`, `Pod`, `CronJob`, ...) and its metadata.name.
    package var kind: String
    package var name: String
    /// metadata.namespace, or `default`.
    package var namespace: String
    package var namespaceLocation: SourceLocation?
    package var clusterDomain: String
    package var policy: DNSPolicy
    /// Where dnsPolicy is set; nil when it is the default (ClusterFirst).
    package var policyLocation: SourceLocation?
    package var hostNetwork: Bool
    /// Where `hostNetwork: true` is; nil when the pod does not use the node's network.
    package var hostNetworkLocation: SourceLocation?
    /// The pod template's `spec:` line: where findings about the pod point.
    package var templateLocation: SourceLocation
    /// Where `dnsConfig:` is; nil without one.
    package var dnsConfigLocation: SourceLocation?
    package var dnsConfigNameservers: Int
    /// Init containers, then containers, in manifest order: their images tell which libc reads the resolv.conf.
    package var containers: [ContainerImage]

    package var source: PodDNSSource {
        switch policy {
        case .none: .dnsConfigOnly
        case .default: .node
        case .clusterFirstWithHostNet: .cluster
        case .clusterFirst: hostNetwork ? .node : .cluster
        }
    }

    /// The first search domain the kubelet writes for this namespace, and the one CoreDNS autopath
    /// expects to find: `<namespace>.svc.<cluster domain>`.
    package var expectedFirstSearchDomain: String { "\(namespace).svc.\(clusterDomain)" }

    package var description: String { "\(kind) \(namespace)/\(name)" }
}

/// What the API server reads from a pod spec's DNS fields, with locations.
package struct PodDNSFields: Sendable {
    package init(policy: DNSPolicy = .clusterFirst, policyLocation: SourceLocation? = nil, dnsConfigLocation: SourceLocation? = nil, nameservers: [ResolvConfToken] = [], searches: [ResolvConfToken] = [], options: [ResolvConfToken] = []) {
        self.policy = policy
        self.policyLocation = policyLocation
        self.dnsConfigLocation = dnsConfigLocation
        self.nameservers = nameservers
        self.searches = searches
        self.options = options
    }

    package var policy: DNSPolicy = .clusterFirst
    package var policyLocation: SourceLocation?
    package var hostNetwork = false
    package var hostNetworkLocation: SourceLocation?
    package var dnsConfigLocation: SourceLocation?
    package var nameservers: [ResolvConfToken] = []
    package var searches: [ResolvConfToken] = []
    /// `name` or `name:value`, as the kubelet writes them.
    package var options: [ResolvConfToken] = []
    /// A field the API server refuses (an unknown dnsPolicy): no pod is created.
    package var rejected = false
}

/// Builds the resolv.conf the kubelet writes into a pod (pkg/kubelet/network/dns/dns.go, GetPodDNS):
/// the base from the policy, then dnsConfig appended with duplicates dropped and options merged by name.
package enum PodResolvConfBuilder {
    package static func build(pod: PodDNS, fields: PodDNSFields, path: String) -> ResolvConf {
        let generated = fields.policyLocation ?? pod.templateLocation
        var servers: [ResolvConfToken] = []
        var searches: [ResolvConfToken] = []
        var options: [ResolvConfToken] = []
        if pod.source == .cluster {
            servers = [ResolvConfToken("<cluster-dns>", at: generated, isPlaceholder: true)]
            let searchLocation = pod.namespaceLocation ?? pod.templateLocation
            searches = [pod.expectedFirstSearchDomain, "svc.\(pod.clusterDomain)", pod.clusterDomain].map {
                ResolvConfToken($0, at: searchLocation)
            }
            options = [ResolvConfToken("ndots:5", at: generated)]
        }
        servers = appendingUnique(servers, fields.nameservers)
        searches = appendingUnique(searches, fields.searches)
        options = merging(options, fields.options)

        var lines: [ResolvConfLine] = servers.map {
            ResolvConfLine(keyword: .nameserver, location: $0.location, values: [$0], text: "nameserver \($0.text)")
        }
        if !searches.isEmpty {
            lines.append(ResolvConfLine(keyword: .search, location: searches[0].location, values: searches,
                                        text: "search " + searches.map(\.text).joined(separator: " ")))
        }
        if !options.isEmpty {
            lines.append(ResolvConfLine(keyword: .options, location: options[0].location, values: options,
                                        text: "options " + options.map(\.text).joined(separator: " ")))
        }
        return ResolvConf(path: path, lines: lines, pod: pod, anchor: pod.templateLocation)
    }

    private static func appendingUnique(_ base: [ResolvConfToken], _ extra: [ResolvConfToken]) -> [ResolvConfToken] {
        var seen = Set(base.map(\.text))
        return base + extra.filter { seen.insert($0.text).inserted }
    }

    /// dnsConfig options replace base options of the same name.
    private static func merging(_ base: [ResolvConfToken], _ extra: [ResolvConfToken]) -> [ResolvConfToken] {
        var result = base
        for option in extra {
            let name = ResolverOptions.name(of: option.text)
            if let index = result.firstIndex(where: { ResolverOptions.name(of: $0.text) == name }) {
                result[index] = option
            } else {
                result.append(option)
            }
        }
        return result
    }
}
