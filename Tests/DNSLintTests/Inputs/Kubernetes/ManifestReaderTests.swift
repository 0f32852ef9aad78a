@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting
import Foundation
import Testing

/// Pod templates of every workload kind, the kubelet's dnsPolicy semantics, and broken YAML.
@Suite struct ManifestReaderTests {
    func read(_ text: String, clusterDomain: String = "cluster.local") -> LoadResult {
        var options = LintOptions()
        options.clusterDomain = clusterDomain
        return ManifestReader.read(path: "app.yaml", text: text, options: options)
    }

    func pods(_ text: String, clusterDomain: String = "cluster.local") -> [ResolvConf] {
        read(text, clusterDomain: clusterDomain).inputs.compactMap { $0 as? ResolvConf }
    }

    static let podSpec = """
        dnsPolicy: ClusterFirst
        containers:
        - name: app
          image: nginx
        """

    static func indent(_ text: String, _ spaces: Int) -> String {
        text.split(separator: "\n").map { String(repeating: " ", count: spaces) + $0 }.joined(separator: "\n")
    }

    static let workloads: [(kind: String, yaml: String, specLine: Int)] = [
        ("Pod", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: w\nspec:\n" + indent(podSpec, 2), 5),
        ("Deployment", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n" + indent(podSpec, 6), 7),
        ("StatefulSet", "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n" + indent(podSpec, 6), 7),
        ("DaemonSet", "apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n" + indent(podSpec, 6), 7),
        ("ReplicaSet", "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n" + indent(podSpec, 6), 7),
        ("Job", "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n" + indent(podSpec, 6), 7),
        ("CronJob", "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: w\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n" + indent(podSpec, 10), 9),
    ]

    @Test(arguments: 0..<workloads.count)
    func everyWorkloadKindYieldsItsPodTemplate(_ index: Int) throws {
        let workload = Self.workloads[index]
        let found = pods(workload.yaml)
        let pod = try #require(found.first?.pod)
        #expect(found.count == 1)
        #expect(pod.kind == workload.kind)
        #expect(pod.templateLocation.line == workload.specLine)
        #expect(pod.policyLocation?.line == workload.specLine + 1)
        #expect(found[0].effective(for: .glibc).searchDomains == ["default.svc.cluster.local", "svc.cluster.local", "cluster.local"])
    }

    @Test func clusterFirstUsesNamespaceAndClusterDomain() throws {
        let conf = try #require(pods("kind: Pod\nmetadata:\n  name: w\n  namespace: shop\nspec:\n  containers: []\n", clusterDomain: "k8s.example.").first)
        let effective = conf.effective(for: .glibc)
        #expect(effective.searchDomains == ["shop.svc.k8s.example", "svc.k8s.example", "k8s.example"])
        #expect(effective.ndots == 5)
        #expect(effective.nameservers.count == 1 && effective.nameservers[0].isPlaceholder)
        #expect(effective.search.first?.location.line == 4)
        #expect(conf.pod?.source == .cluster)
    }

    @Test func hostNetworkFallsBackToTheNodeUnlessClusterFirstWithHostNet() throws {
        let plain = try #require(pods("kind: Pod\nmetadata: {name: w}\nspec:\n  hostNetwork: true\n  containers: []\n").first)
        #expect(plain.pod?.source == .node)
        #expect(plain.lines.isEmpty)
        let withHostNet = try #require(pods("kind: Pod\nmetadata: {name: w}\nspec:\n  hostNetwork: true\n  dnsPolicy: ClusterFirstWithHostNet\n  containers: []\n").first)
        #expect(withHostNet.pod?.source == .cluster)
        #expect(withHostNet.effective(for: .glibc).ndots == 5)
    }

    @Test func dnsConfigIsAppendedWithoutDuplicatesAndOptionsOverride() throws {
        let yaml = """
            kind: Pod
            metadata: {name: w}
            spec:
              dnsConfig:
                nameservers: [192.0.2.53]
                searches: [svc.cluster.local, corp.example.com]
                options:
                - name: ndots
                  value: "2"
                - name: single-request-reopen
              containers: []
            """
        let conf = try #require(pods(yaml).first)
        let effective = conf.effective(for: .glibc)
        #expect(effective.nameservers.map(\.text) == ["<cluster-dns>", "192.0.2.53"])
        #expect(effective.searchDomains == ["default.svc.cluster.local", "svc.cluster.local", "cluster.local", "corp.example.com"])
        #expect(effective.ndots == 2)
        #expect(effective.ndotsToken?.location.line == 8)
        #expect(effective.has("single-request-reopen"))
        #expect(conf.lines(.options).first?.text == "options ndots:2 single-request-reopen")
    }

    @Test func policyNoneUsesOnlyDNSConfig() throws {
        let yaml = "kind: Pod\nmetadata: {name: w, namespace: shop}\nspec:\n  dnsPolicy: None\n  dnsConfig:\n    nameservers: [192.0.2.1]\n    searches: [default.svc.cluster.local]\n  containers: []\n"
        let conf = try #require(pods(yaml).first)
        let effective = conf.effective(for: .glibc)
        #expect(effective.nameservers.map(\.text) == ["192.0.2.1"])
        #expect(effective.searchDomains == ["default.svc.cluster.local"])
        #expect(effective.ndots == 1)
        #expect(SearchNamespaceCheck.mismatch(in: conf, options: LintOptions())?.expected == "shop.svc.cluster.local")
    }

    @Test func multiDocumentFilesAndListsYieldEveryPod() {
        let yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            data: {a: b}
            ---
            apiVersion: v1
            kind: List
            items:
            - kind: Pod
              metadata: {name: one}
              spec: {containers: []}
            - kind: Pod
              metadata: {name: two}
              spec: {containers: []}
            ---
            kind: Pod
            metadata: {name: three}
            spec:
              containers: []
            """
        let found = pods(yaml)
        #expect(found.compactMap(\.pod?.name) == ["one", "two", "three"])
        #expect(found.last?.pod?.templateLocation.line == 18)
    }

    @Test func brokenYAMLIsOneFindingAtItsLineAndLaterDocumentsStillCount() {
        let yaml = """
            kind: Pod
            metadata: {name: one}
            spec: {containers: []}
            ---
            kind: Pod
            metadata:
              name: broken
             labels: {}
            ---
            kind: Pod
            metadata: {name: three}
            spec: {containers: []}
            """
        let result = read(yaml)
        #expect(result.findings.map(\.ruleCode) == ["DNS0004"])
        #expect(result.findings.first?.location?.line == 8)
        #expect(result.findings.first?.severity == .error)
        #expect(result.inputs.compactMap { ($0 as? ResolvConf)?.pod?.name } == ["one", "three"])
    }

    @Test func invalidDNSFieldsAreManifestErrors() {
        let yaml = """
            kind: Pod
            metadata: {name: w}
            spec:
              dnsPolicy: clusterfirst
              dnsConfig:
                nameservers: [dns.example.com]
                options:
                - value: "1"
                - name: ndots
                  value: 3
              containers: []
            """
        let findings = read(yaml).findings
        #expect(findings.map(\.ruleCode) == Array(repeating: "DNS0004", count: 4))
        #expect(findings.compactMap(\.location?.line) == [4, 6, 8, 10])
        #expect(findings[0].message.contains("did you mean ClusterFirst"))
    }

    @Test func templatesAreANoteNotAnError() {
        let k3sStyle = "apiVersion: v1\nkind: Service\nmetadata: {name: kube-dns}\nspec:\n  clusterIP: %{CLUSTER_DNS}%\n"
        let findings = read(k3sStyle).findings
        #expect(findings.count == 1)
        #expect(findings.first?.severity == .note)
        let helm = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n{{- if .Values.dns }}\nspec: {}\n{{- end }}\n"
        let helmFindings = read(helm).findings
        #expect(helmFindings.count == 1)
        #expect(helmFindings.first?.severity == .note)
    }

    @Test func manifestLoaderRecognisesYAMLWithKind() {
        func file(_ name: String, _ text: String) -> InputFile {
            InputFile(path: name, url: URL(fileURLWithPath: "/tmp/\(name)"), head: Array(text.utf8))
        }
        #expect(ManifestLoader().recognize(file("app.yaml", "apiVersion: v1\nkind: Pod\n")) == .byName)
        #expect(ManifestLoader().recognize(file("app.yml", "apiVersion: v1\nkind: Pod\n")) == .byName)
        #expect(ManifestLoader().recognize(file("values.yaml", "replicas: 3\n")) == .no)
        #expect(ManifestLoader().recognize(file("resolv.conf", "apiVersion: v1\nkind: Pod\n")) == .no)
    }

    @Test func podSearchPathsExposeNamespaceSearchAndLocation() throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        try folder.write("app.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: w, namespace: shop}\nspec:\n  dnsPolicy: None\n  dnsConfig:\n    nameservers: [192.0.2.1]\n    searches: [svc.cluster.local]\n  containers: []\n")
        let collected = try InputReader.read(paths: [folder.path], options: LintOptions())
        let context = LintContext(options: LintOptions(), inputs: collected.inputs, views: [])
        let path = try #require(context.podSearchPaths.first)
        #expect(path.pod.namespace == "shop")
        #expect(path.search == ["svc.cluster.local"])
        #expect(path.searchLocation.line == 8)
        #expect(path.firstDomainMismatch)
    }
}
