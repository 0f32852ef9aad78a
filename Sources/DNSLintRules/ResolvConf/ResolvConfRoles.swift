import DNSLintModel
import LDNS
/// Which part a resolv.conf plays in a cluster, as far as the inputs tell: a pod's (it talks to the cluster
/// DNS Service through DNAT), or a node's (the kubelet hands it to dnsPolicy Default pods, CoreDNS forwards to it).
extension LintContext {
    /// The cluster DNS Service addresses stated among the inputs (kube-dns Service, KubeletConfiguration clusterDNS).
    var clusterDNSAddresses: [ClusterDNSAddress] { inputs(of: ClusterDNSAddress.self) }

    /// resolv.conf files dnslint takes for a node's, with why. Conservative: the file a KubeletConfiguration's
    /// `resolvConf` names; without one, the node's /etc/resolv.conf as `forward . /etc/resolv.conf` reads it
    /// in the CoreDNS pod (matched by path), or a file whose name or folder says node or kubelet. A pod's own
    /// resolv.conf is never a node's.
    var nodeResolvConfs: [NodeResolvConf] {
        let references = nodePathReferences
        let kubeletUnknown = inputs(of: KubeletResolvConf.self).isEmpty
        return inputs(of: ResolvConf.self).compactMap { conf in
            guard conf.pod == nil, !conf.looksLikePodResolvConf(clusterDomain: options.clusterDomainName) else { return nil }
            if let reference = references.first(where: { ResolvConfPaths.refers(to: conf.path, $0.path, from: $0.referrer) }) {
                return NodeResolvConf(conf: conf, evidence: reference.evidence, reason: reference.reason, related: [reference.related])
            }
            // A KubeletConfiguration says which file pods get: then a name alone proves nothing.
            if kubeletUnknown, ResolvConfPaths.namesNode(conf.path) {
                return NodeResolvConf(conf: conf, evidence: .name, reason: "its name says so", related: [])
            }
            return nil
        }
    }

    /// The resolv.conf file a Corefile's `forward FROM PATH` reads, if it is among the inputs. CoreDNS runs with
    /// dnsPolicy Default, so its /etc/resolv.conf is the node's file the kubelet hands out (see
    /// `nodeResolvConfs`); any other path is a file mounted into the pod, matched as written.
    func resolvConf(readBy path: String, corefile: String, nodes: [NodeResolvConf]) -> (conf: ResolvConf, node: NodeResolvConf?)? {
        guard path == KubeletResolvConf.defaultPath else {
            let file = inputs(of: ResolvConf.self).first { $0.pod == nil && ResolvConfPaths.refers(to: $0.path, path, from: corefile) }
            return file.map { ($0, nil) }
        }
        let node = nodes.first { $0.evidence != .name } ?? nodes.first
        return node.map { ($0.conf, $0) }
    }

    /// Paths to the node's resolv.conf that other inputs name: the kubelet's `resolvConf`, else
    /// `forward . /etc/resolv.conf` (the kubelet's default file, as CoreDNS's pod sees it).
    private var nodePathReferences: [PathReference] {
        let kubelets = inputs(of: KubeletResolvConf.self)
        guard kubelets.isEmpty else {
            return kubelets.filter { !$0.resolvConf.isEmpty }.map { kubelet in
                PathReference(path: kubelet.resolvConf, referrer: kubelet.path, evidence: .kubelet,
                              reason: "the kubelet's resolvConf, \(kubelet.resolvConf), names it",
                              related: RelatedLocation(message: "the kubelet hands \(kubelet.resolvConf) to dnsPolicy Default pods", location: kubelet.location))
            }
        }
        return corefileBlocks.flatMap { corefile, block in
            block.forwards.flatMap { forward in
                forward.upstreams.filter { $0.kind == .resolvConf && $0.text == KubeletResolvConf.defaultPath }.map { upstream in
                    PathReference(path: upstream.text, referrer: corefile.path, evidence: .corefile,
                                  reason: "CoreDNS forwards to it with '\(forward.directive.summary)'",
                                  related: RelatedLocation(message: "'\(forward.directive.summary)' in server block '\(block.title)' reads it", location: upstream.location))
                }
            }
        }
    }
}

/// A resolv.conf file taken for a node's, and what made dnslint think so.
struct NodeResolvConf {
    enum Evidence { case kubelet, corefile, name }

    var conf: ResolvConf
    var evidence: Evidence
    /// A clause for messages: "CoreDNS forwards to it with '...'".
    var reason: String
    var related: [RelatedLocation]

    /// The nameservers the node's resolver uses that are on its loopback.
    var loopbackNameservers: [ResolvConfToken] {
        conf.effective(for: .glibc).nameservers.filter { !$0.isPlaceholder && ResolverAddress.isLoopback($0.text) }
    }
}

private struct PathReference {
    var path: String
    /// The file that names the path: relative paths are taken from its folder.
    var referrer: String
    var evidence: NodeResolvConf.Evidence
    var reason: String
    var related: RelatedLocation
}

extension ResolvConf {
    /// A resolv.conf file written by the kubelet for a pod: its search list holds `<ns>.svc.D svc.D D` in a
    /// row, or `svc.<cluster-domain>` (as DNS3010 judges).
    func looksLikePodResolvConf(clusterDomain: String) -> Bool {
        let domains = effective(for: .glibc).searchDomains.map { $0.lowercased() }
        if domains.contains("svc.\(clusterDomain.lowercased())") { return true }
        return domains.indices.contains { index in
            guard index + 2 < domains.count else { return false }
            let (first, second, third) = (domains[index], domains[index + 1], domains[index + 2])
            let label = first.split(separator: ".", maxSplits: 1).first.map(String.init) ?? ""
            return first == "\(label).\(second)" && second == "svc.\(third)" && !label.isEmpty
        }
    }

    /// The nameservers (used by the resolver) that are not on the loopback: what goes through NAT, if anything.
    func nonLoopbackNameservers(libc: Libc) -> [ResolvConfToken] {
        effective(for: libc).nameservers.filter { $0.isPlaceholder || !ResolverAddress.isLoopback($0.text) }
    }
}

/// Path comparisons for files that name each other, done on the text: the inputs' paths are as the user gave them.
enum ResolvConfPaths {
    /// The words of a file name or folder that mark a node's resolv.conf (`node.resolv.conf`, `nodes/a/resolv.conf`).
    static let nodeWords: Set = ["node", "nodes", "kubelet"]

    /// True when `input` is the file `reference` names: the same absolute path, the same path relative to the
    /// referrer's folder, or (for an absolute reference of two or more components, as on a copied node file
    /// tree: `node-1/etc/resolv.conf`) a path that ends with it.
    static func refers(to input: String, _ reference: String, from referrer: String) -> Bool {
        let target = components(reference)
        let mine = components(input)
        guard !target.isEmpty, !mine.isEmpty else { return false }
        if reference.hasPrefix("/") {
            if input.hasPrefix("/") && mine == target { return true }
            return target.count >= 2 && mine.count >= target.count && Array(mine.suffix(target.count)) == target
        }
        let base = components(referrer).dropLast()
        let resolved = normalized(Array(base) + target)
        // Both paths as the user gave them: comparable when both are absolute or both relative.
        return input.hasPrefix("/") == referrer.hasPrefix("/") && normalized(mine) == resolved
    }

    /// True when the file name or one of its two nearest folders has a word that says node or kubelet.
    static func namesNode(_ path: String) -> Bool {
        components(path).suffix(3).contains { part in
            part.lowercased().split { !$0.isLetter && !$0.isNumber }.contains { nodeWords.contains(String($0)) }
        }
    }

    private static func components(_ path: String) -> [String] {
        normalized(path.split(separator: "/").map(String.init))
    }

    private static func normalized(_ parts: [String]) -> [String] {
        var result: [String] = []
        for part in parts where part != "." && !part.isEmpty {
            if part == "..", let last = result.last, last != ".." { result.removeLast() } else { result.append(part) }
        }
        return result
    }
}
