import DNSLintModel
import LDNS
import Yams

/// What manifests say about the cluster's DNS outside pod specs: the kube-dns Service's address and the
/// kubelet's resolv.conf settings, which rules need to tell the cluster DNS server and the node's resolv.conf.
extension ManifestReader {
    /// The names and `k8s-app` labels the cluster DNS Service goes by (kubeadm, kube-up, k3s, the CoreDNS chart).
    static let clusterDNSServiceNames: Set = ["kube-dns", "coredns"]

    /// A Service in kube-system named kube-dns or coredns (or selecting `k8s-app: kube-dns`): its cluster IPs.
    static func clusterDNSAddresses(ofService object: Node, workload: Workload, cursor: YAMLCursor) -> [any ParsedInput] {
        let spec = object["spec"]
        let selected = spec?["selector"]?["k8s-app"]?.scalar?.string
        guard workload.namespace == "kube-system",
              clusterDNSServiceNames.contains(workload.name) || selected.map(clusterDNSServiceNames.contains) == true
        else { return [] }
        var nodes = spec?["clusterIPs"]?.sequence.map(Array.init) ?? []
        if nodes.isEmpty, let single = spec?["clusterIP"] { nodes = [single] }
        let fallback = cursor.location(object["kind"]) ?? SourceLocation(path: cursor.path, line: 1)
        return nodes.compactMap { node in
            guard let address = node.scalar?.string, ResolverAddress.isStrictIP(address) else { return nil }
            return ClusterDNSAddress(path: cursor.path, address: address, source: "Service kube-system/\(workload.name)",
                                     location: cursor.location(node) ?? fallback)
        }
    }

    /// A KubeletConfiguration: its `clusterDNS` addresses, and `resolvConf` (the node file Default pods get).
    static func kubeletDNSSettings(_ object: Node, cursor: YAMLCursor) -> [any ParsedInput] {
        let fallback = cursor.location(object["kind"]) ?? SourceLocation(path: cursor.path, line: 1)
        var found: [any ParsedInput] = (object["clusterDNS"]?.sequence.map(Array.init) ?? []).compactMap { node in
            guard let address = node.scalar?.string, ResolverAddress.isStrictIP(address) else { return nil }
            return ClusterDNSAddress(path: cursor.path, address: address, source: "KubeletConfiguration clusterDNS",
                                     location: cursor.location(node) ?? fallback)
        }
        let resolvConfNode = object["resolvConf"]
        let resolvConf = resolvConfNode?.scalar?.string ?? KubeletResolvConf.defaultPath
        if !TemplatePlaceholders.contains(resolvConf) {
            found.append(KubeletResolvConf(path: cursor.path, resolvConf: resolvConf,
                                           location: cursor.location(resolvConfNode) ?? fallback))
        }
        return found
    }
}
