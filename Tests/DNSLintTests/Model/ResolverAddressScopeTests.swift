@testable import DNSLintModel
@testable import DNSLintRules
import Testing

/// Where a nameserver address points (loopback, link-local) and which files name each other.
@Suite struct ResolverAddressScopeTests {
    @Test(arguments: ["127.0.0.1", "127.0.0.53", "127.1", "::1", "::ffff:127.0.0.1", "0:0:0:0:0:0:0:1"])
    func loopback(_ address: String) {
        #expect(ResolverAddress.isLoopback(address))
    }

    @Test(arguments: ["10.96.0.10", "128.0.0.1", "::", "::2", "169.254.20.10", "fd00::a", "not-an-address", ""])
    func notLoopback(_ address: String) {
        #expect(!ResolverAddress.isLoopback(address))
    }

    @Test func linkLocalIsNodeLocalDNSCacheAndFe80() {
        #expect(ResolverAddress.isLinkLocal("169.254.20.10"))
        #expect(ResolverAddress.isLinkLocal("fe80::1%eth0"))
        #expect(ResolverAddress.isLinkLocal("febf::1"))
        #expect(!ResolverAddress.isLinkLocal("fec0::1"))
        #expect(!ResolverAddress.isLinkLocal("10.96.0.10"))
        #expect(!ResolverAddress.isLinkLocal("169.253.0.1"))
    }

    @Test func sameComparesAddressesNotSpellings() {
        #expect(ResolverAddress.same("fd00::a", "fd00:0:0::a"))
        #expect(ResolverAddress.same("10.96.0.10", "10.96.0.10"))
        #expect(!ResolverAddress.same("10.96.0.10", "10.96.0.1"))
    }

    @Test func pathReferences() {
        #expect(ResolvConfPaths.refers(to: "node/etc/resolv.conf", "/etc/resolv.conf", from: "Corefile"))
        #expect(ResolvConfPaths.refers(to: "/etc/resolv.conf", "/etc/resolv.conf", from: "/etc/coredns/Corefile"))
        #expect(ResolvConfPaths.refers(to: "cluster/./upstream.conf", "upstream.conf", from: "cluster/Corefile"))
        #expect(ResolvConfPaths.refers(to: "cluster/upstream.conf", "../cluster/upstream.conf", from: "cluster/Corefile"))
        #expect(!ResolvConfPaths.refers(to: "resolv.conf", "/etc/resolv.conf", from: "Corefile"), "a bare name is not the node's /etc")
        #expect(!ResolvConfPaths.refers(to: "x/resolv.conf", "/resolv.conf", from: "Corefile"), "one component is too little to match by suffix")
        #expect(!ResolvConfPaths.refers(to: "node/etc/resolv.conf", "/run/systemd/resolve/resolv.conf", from: "kubelet.yaml"))
    }

    @Test func nodeNames() {
        #expect(ResolvConfPaths.namesNode("node.resolv.conf"))
        #expect(ResolvConfPaths.namesNode("inventory/nodes/worker-1/resolv.conf"))
        #expect(ResolvConfPaths.namesNode("resolv.conf.kubelet"))
        #expect(!ResolvConfPaths.namesNode("nodelocaldns/resolv.conf"))
        #expect(!ResolvConfPaths.namesNode("node/a/b/resolv.conf"), "only the file and its two nearest folders count")
        #expect(!ResolvConfPaths.namesNode("hosts/laptop/resolv.conf"))
    }
}
