import Foundation
import Yams

/// One Kubernetes manifest for rule tests, built from typed values and encoded with Yams instead of pasted
/// YAML: a test names only what it varies, indentation cannot go wrong, and a line a finding should point at
/// is looked up in the built text (`line(containing:)`) rather than counted by hand. Reader tests that test
/// YAML parsing itself keep their literal YAML.
struct ManifestBuilder: Encodable {
    var apiVersion: String
    var kind: String
    var metadata: Metadata?
    var spec: Spec?
    var data: CorefileData?
    /// KubeletConfiguration's top-level setting.
    var resolvConf: String?

    struct Metadata: Encodable {
        var name: String
        var namespace: String?
    }

    enum Spec: Encodable {
        case pod(PodSpec)
        case workload(template: PodTemplate)
        case service(ServiceSpec)

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .pod(let spec): try spec.encode(to: encoder)
            case .workload(let template): try WorkloadSpec(template: template).encode(to: encoder)
            case .service(let spec): try spec.encode(to: encoder)
            }
        }
    }

    struct WorkloadSpec: Encodable { var template: PodTemplate }
    struct PodTemplate: Encodable { var spec: PodSpec }

    struct ServiceSpec: Encodable {
        var type: String?
        var externalName: String?
        var clusterIP: String?
    }

    struct CorefileData: Encodable {
        var corefile: String
        enum CodingKeys: String, CodingKey { case corefile = "Corefile" }
    }

    // MARK: The kinds tests use

    static func pod(_ name: String, namespace: String? = nil, _ spec: PodSpec) -> ManifestBuilder {
        ManifestBuilder(apiVersion: "v1", kind: "Pod", metadata: Metadata(name: name, namespace: namespace), spec: .pod(spec))
    }

    static func deployment(_ name: String, namespace: String? = nil, _ spec: PodSpec) -> ManifestBuilder {
        workload("Deployment", name, namespace, spec)
    }

    static func daemonSet(_ name: String, namespace: String? = nil, _ spec: PodSpec) -> ManifestBuilder {
        workload("DaemonSet", name, namespace, spec)
    }

    private static func workload(_ kind: String, _ name: String, _ namespace: String?, _ spec: PodSpec) -> ManifestBuilder {
        ManifestBuilder(apiVersion: "apps/v1", kind: kind, metadata: Metadata(name: name, namespace: namespace),
                 spec: .workload(template: PodTemplate(spec: spec)))
    }

    /// A Service of type ExternalName: pods asking for it get a CNAME to `target`.
    static func externalName(_ name: String, namespace: String, target: String) -> ManifestBuilder {
        ManifestBuilder(apiVersion: "v1", kind: "Service", metadata: Metadata(name: name, namespace: namespace),
                 spec: .service(ServiceSpec(type: "ExternalName", externalName: target)))
    }

    /// The cluster DNS Service (`kube-dns` in kube-system) at `clusterIP`.
    static func clusterDNSService(clusterIP: String, name: String = "kube-dns") -> ManifestBuilder {
        ManifestBuilder(apiVersion: "v1", kind: "Service", metadata: Metadata(name: name, namespace: "kube-system"),
                 spec: .service(ServiceSpec(clusterIP: clusterIP)))
    }

    /// CoreDNS's ConfigMap holding `corefile` as `data.Corefile` (a literal block, one Corefile line per line).
    static func corefileConfigMap(_ corefile: String, name: String = "coredns", namespace: String = "kube-system") -> ManifestBuilder {
        ManifestBuilder(apiVersion: "v1", kind: "ConfigMap", metadata: Metadata(name: name, namespace: namespace),
                 data: CorefileData(corefile: corefile))
    }

    static func kubeletConfiguration(resolvConf: String) -> ManifestBuilder {
        ManifestBuilder(apiVersion: "kubelet.config.k8s.io/v1beta1", kind: "KubeletConfiguration", resolvConf: resolvConf)
    }

    // MARK: Text

    /// The manifests as one YAML file, documents separated by `---`.
    static func yaml(_ manifests: ManifestBuilder...) -> String {
        yaml(manifests)
    }

    static func yaml(_ manifests: [ManifestBuilder]) -> String {
        let encoder = YAMLEncoder()
        encoder.options.newLineScalarStyle = .literal
        // Encoding plain strings, optionals and arrays cannot fail; a failure is a bug in this builder.
        return manifests.map { try! encoder.encode($0) }.joined(separator: "---\n")
    }

    var yaml: String { ManifestBuilder.yaml(self) }
}

extension ManifestBuilder {
    /// A pod's spec: what the kubelet turns into its resolv.conf, and the containers whose images give its libc.
    struct PodSpec: Encodable {
        var hostNetwork: Bool?
        var dnsPolicy: String?
        var dnsConfig: DNSConfig?
        var initContainers: [Container]?
        var containers: [Container]

        init(hostNetwork: Bool? = nil, dnsPolicy: String? = nil, dnsConfig: DNSConfig? = nil,
             initContainers: [Container]? = nil, containers: [Container]) {
            self.hostNetwork = hostNetwork
            self.dnsPolicy = dnsPolicy
            self.dnsConfig = dnsConfig
            self.initContainers = initContainers
            self.containers = containers
        }

        /// One container named `name` running `image`.
        static func running(_ image: String, name: String) -> PodSpec {
            PodSpec(containers: [Container(name, image: image)])
        }
    }

    struct Container: Encodable {
        var name: String
        var image: String

        init(_ name: String, image: String) {
            self.name = name
            self.image = image
        }
    }

    struct DNSConfig: Encodable {
        var nameservers: [String]?
        var searches: [String]?
        var options: [Option]?

        init(nameservers: [String]? = nil, searches: [String]? = nil, options: [Option]? = nil) {
            self.nameservers = nameservers
            self.searches = searches
            self.options = options
        }

        struct Option: Encodable {
            var name: String
            var value: String?

            init(_ name: String, _ value: String? = nil) {
                self.name = name
                self.value = value
            }
        }
    }
}

extension String {
    /// The 1-based line of the first line containing `text`, for tests that check where a finding points.
    func line(containing text: String) -> Int? {
        split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }.map { $0 + 1 }
    }
}
