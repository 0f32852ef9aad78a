@testable import DNSLintModel
@testable import DNSLintInputs
import Testing

/// The kube-dns Service's addresses, a KubeletConfiguration's DNS settings and hostNetwork's line.
@Suite struct ClusterDNSManifestTests {
    func read(_ text: String) -> [any ParsedInput] {
        ManifestReader.read(path: "cluster.yaml", text: text, options: LintOptions()).inputs
    }

    func service(name: String = "kube-dns", namespace: String = "kube-system", ips: String) -> String {
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: \(name)
          namespace: \(namespace)
        spec:
          selector:
            k8s-app: other
        \(ips)
        """
    }

    @Test func kubeDNSServiceGivesItsClusterIPs() {
        let single = read(service(ips: "  clusterIP: 10.96.0.10")).compactMap { $0 as? ClusterDNSAddress }
        #expect(single.map(\.address) == ["10.96.0.10"])
        #expect(single.first?.location.line == 9)
        #expect(single.first?.source == "Service kube-system/kube-dns")
        let dual = read(service(ips: "  clusterIP: 10.96.0.10\n  clusterIPs: [10.96.0.10, fd00::a]")).compactMap { $0 as? ClusterDNSAddress }
        #expect(dual.map(\.address) == ["10.96.0.10", "fd00::a"])
    }

    @Test func otherServicesAndPlaceholdersGiveNothing() {
        #expect(read(service(namespace: "default", ips: "  clusterIP: 10.96.0.10")).isEmpty)
        #expect(read(service(name: "web", ips: "  clusterIP: 10.96.0.20")).isEmpty)
        #expect(read(service(ips: "  clusterIP: __PILLAR__DNS__SERVER__")).isEmpty)
        #expect(read(service(ips: "  clusterIP: None")).isEmpty)
    }

    @Test func serviceSelectingKubeDNSCounts() {
        let text = service(name: "rke2-coredns", ips: "  clusterIP: 10.43.0.10").replacingOccurrences(of: "k8s-app: other", with: "k8s-app: kube-dns")
        #expect(read(text).compactMap { $0 as? ClusterDNSAddress }.map(\.address) == ["10.43.0.10"])
    }

    @Test func kubeletConfiguration() {
        let inputs = read("""
            apiVersion: kubelet.config.k8s.io/v1beta1
            kind: KubeletConfiguration
            clusterDNS:
            - 169.254.20.10
            resolvConf: /run/systemd/resolve/resolv.conf
            """)
        #expect(inputs.compactMap { $0 as? ClusterDNSAddress }.map(\.address) == ["169.254.20.10"])
        let resolvConf = inputs.compactMap { $0 as? KubeletResolvConf }
        #expect(resolvConf.map(\.resolvConf) == ["/run/systemd/resolve/resolv.conf"])
        #expect(resolvConf.first?.location.line == 5)
        let defaults = read("apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n").compactMap { $0 as? KubeletResolvConf }
        #expect(defaults.map(\.resolvConf) == [KubeletResolvConf.defaultPath])
    }

    @Test func hostNetworkLineIsKept() throws {
        let inputs = read("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: true\n  containers: []\n")
        let pod = try #require(inputs.compactMap { $0 as? ResolvConf }.first?.pod)
        #expect(pod.hostNetworkLocation?.line == 6)
        #expect(pod.source == .node)
    }
}
