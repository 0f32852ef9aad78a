import LDNS
/// The cluster DNS Service's address as a manifest states it: the `clusterIP` of the kube-dns Service, or a
/// KubeletConfiguration's `clusterDNS`. A pod whose nameserver is this address reaches it through
/// kube-proxy's DNAT, whatever its dnsPolicy.
package struct ClusterDNSAddress: ParsedInput {
    package init(path: String, address: String, source: String, location: SourceLocation) {
        self.path = path
        self.address = address
        self.source = source
        self.location = location
    }

    package var path: String
    package var address: String
    /// Where it was stated, for messages: `Service kube-system/kube-dns`, `KubeletConfiguration`.
    package var source: String
    package var location: SourceLocation
}

/// A KubeletConfiguration's `resolvConf`: the node file the kubelet copies into pods with dnsPolicy Default
/// (CoreDNS among them), `/etc/resolv.conf` when the field is not set, empty when it is switched off.
package struct KubeletResolvConf: ParsedInput {
    package init(path: String, resolvConf: String, location: SourceLocation) {
        self.path = path
        self.resolvConf = resolvConf
        self.location = location
    }

    package var path: String
    package var resolvConf: String
    /// The `resolvConf:` line, or the `kind:` line when the default applies.
    package var location: SourceLocation

    package static let defaultPath = "/etc/resolv.conf"
}
