@testable import DNSLintInputs
@testable import DNSLintModel
import Foundation
import Testing

/// What `ManifestBuilder` writes is what the rule tests mean: each kind reads back through the manifest
/// reader with the values it was built from, at the lines `line(containing:)` finds.
@Suite struct ManifestBuilderTests {
    func read(_ yaml: String) -> LoadResult {
        ManifestReader.read(path: "app.yaml", text: yaml, options: LintOptions())
    }

    @Test func workloadsReadBackWithTheirDNSSettingsAndImages() throws {
        let yaml = ManifestBuilder.yaml(
            .deployment("worker", namespace: "shop", .init(
                dnsPolicy: "None",
                dnsConfig: .init(nameservers: ["10.96.0.10"], searches: ["default.svc.cluster.local", "svc.cluster.local"],
                                 options: [.init("ndots", "1"), .init("single-request-reopen")]),
                initContainers: [.init("wait", image: "busybox:1.36-musl")],
                containers: [.init("worker", image: "registry.example/worker:1.0")])),
            .daemonSet("agent", namespace: "kube-system", .init(hostNetwork: true, containers: [.init("agent", image: "alpine:3.19")])),
            .pod("tools", .running("alpine:3.17", name: "shell")))
        let confs = read(yaml).inputs.compactMap { $0 as? ResolvConf }
        #expect(read(yaml).issues.isEmpty)
        #expect(confs.compactMap(\.pod?.description) == ["Deployment shop/worker", "DaemonSet kube-system/agent", "Pod default/tools"])
        let worker = try #require(confs.first)
        let effective = worker.effective(for: .glibc)
        #expect(effective.searchDomains == ["default.svc.cluster.local", "svc.cluster.local"])
        #expect(effective.ndots == 1)
        #expect(worker.pod?.policy == DNSPolicy.none)
        #expect(worker.pod?.containers.map(\.location.line) == [yaml.line(containing: "image: busybox:1.36-musl"), yaml.line(containing: "image: registry.example/worker:1.0")].compactMap { $0 })
        #expect(worker.pod?.containers.map(\.image) == ["busybox:1.36-musl", "registry.example/worker:1.0"])
        #expect(confs[1].pod?.hostNetwork == true)
        #expect(confs[1].pod?.hostNetworkLocation?.line == yaml.line(containing: "hostNetwork: true"))
    }

    @Test func servicesConfigMapsAndKubeletConfigurationReadBack() throws {
        let corefile = ".:53 {\n    errors\n    forward . /etc/resolv.conf\n}\n"
        let yaml = ManifestBuilder.yaml(
            .externalName("sessions", namespace: "shop", target: "sessions-cluster.use1.cache.internal"),
            .clusterDNSService(clusterIP: "10.96.0.10"),
            .corefileConfigMap(corefile),
            .kubeletConfiguration(resolvConf: "/run/systemd/resolve/resolv.conf"))
        let inputs = read(yaml).inputs
        let service = try #require(inputs.compactMap { $0 as? ExternalNameService }.first)
        #expect(service.target == DNSName("sessions-cluster.use1.cache.internal."))
        #expect(service.location.line == yaml.line(containing: "externalName:"))
        #expect(inputs.compactMap { $0 as? ClusterDNSAddress }.map(\.address) == ["10.96.0.10"])
        #expect(inputs.compactMap { $0 as? KubeletResolvConf }.map(\.resolvConf) == ["/run/systemd/resolve/resolv.conf"])
        let parsed = try #require(inputs.compactMap { $0 as? Corefile }.first)
        let forward = try #require(parsed.serverBlocks.first?.directive("forward"))
        #expect(forward.location.line == yaml.line(containing: "forward . /etc/resolv.conf"), "a literal block: Corefile lines are YAML lines")
    }
}
