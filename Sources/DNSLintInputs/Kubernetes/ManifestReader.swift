import DNSLintModel
import LDNS
import Yams

/// Walks the documents of one manifest file: pod templates become `ResolvConf` inputs, a ConfigMap's
/// `data.Corefile` goes to the Corefile loader, and what the API server would refuse becomes DNS0004.
struct ManifestReader {
    let path: String
    let options: LintOptions
    let fileLines: [Substring]
    private(set) var result = LoadResult()
    private var placeholders: [String] = []
    private var reportedTemplate = false
    /// Every `data.Corefile` handed to the Corefile loader, with its line map (kept for tests).
    private(set) var embeddedCorefiles: [(text: String, map: EmbeddedTextMap)] = []

    /// Kinds whose pod template sits at `spec.template`.
    static let templateKinds: Set = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job"]

    init(path: String, text: String, options: LintOptions) {
        self.path = path
        self.options = options
        fileLines = TextLines.split(text)
    }

    static func read(path: String, text: String, options: LintOptions) -> LoadResult {
        reader(path: path, text: text, options: options).result
    }

    static func reader(path: String, text: String, options: LintOptions) -> ManifestReader {
        var reader = ManifestReader(path: path, text: text, options: options)
        for document in ManifestDocuments.split(text) { reader.read(document) }
        reader.reportPlaceholders()
        return reader
    }

    private mutating func read(_ document: ManifestDocument) {
        let found = TemplatePlaceholders.find(in: document.text)
        placeholders += found
        let (text, swaps) = ManifestDocuments.neutralizePlaceholders(document.text)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            let (line, column, problem) = ManifestDocuments.describe(error, firstLine: document.firstLine)
            let location = SourceLocation(path: path, line: line, column: column)
            if !found.isEmpty {
                // A template (Helm and the like) is not YAML until rendered: one note, not an error cascade.
                reportedTemplate = true
                report("The manifest document is a template (\(TemplatePlaceholders.summary(found))) and is not YAML until rendered: \(problem).",
                       at: location, severity: .note)
            } else {
                report("The manifest is not valid YAML: \(problem).", at: location)
            }
            return
        }
        let cursor = YAMLCursor(path: path, lineOffset: document.firstLine - 1)
        read(object: root, cursor: cursor, swaps: swaps)
    }

    private mutating func read(object: Node?, cursor: YAMLCursor, swaps: [String: String]) {
        guard let object, object.mapping != nil, let kind = cursor.string("kind", in: object) else { return }
        let metadata = object["metadata"]
        let name = cursor.string("name", in: metadata) ?? "(unnamed)"
        let namespaceNode = metadata?["namespace"]
        let workload = Workload(kind: kind, name: name, namespace: namespaceNode?.scalar?.string ?? "default",
                                namespaceLocation: cursor.location(namespaceNode))
        switch kind {
        case "List":
            for item in object["items"]?.sequence ?? [] { read(object: item, cursor: cursor, swaps: swaps) }
        case "Pod":
            readPod(spec: object, key: "spec", workload: workload, cursor: cursor)
        case "PodTemplate":
            readPod(spec: object["template"], key: "spec", workload: workload, cursor: cursor)
        case "CronJob":
            readPod(spec: object["spec"]?["jobTemplate"]?["spec"]?["template"], key: "spec", workload: workload, cursor: cursor)
        case _ where Self.templateKinds.contains(kind):
            readPod(spec: object["spec"]?["template"], key: "spec", workload: workload, cursor: cursor)
        case "ConfigMap":
            readConfigMap(object, namespace: workload.namespace, cursor: cursor, swaps: swaps)
        case "Service":
            result.inputs += Self.clusterDNSAddresses(ofService: object, workload: workload, cursor: cursor)
            readExternalName(object, workload: workload, cursor: cursor)
        case "KubeletConfiguration":
            result.inputs += Self.kubeletDNSSettings(object, cursor: cursor)
        default:
            return
        }
    }

    struct Workload {
        var kind: String
        var name: String
        var namespace: String
        var namespaceLocation: SourceLocation?
    }

    /// `parent[key]` is the pod spec; its key's line is where pod findings point.
    private mutating func readPod(spec parent: Node?, key: String, workload: Workload, cursor: YAMLCursor) {
        guard let spec = parent?[key], spec.mapping != nil else { return }
        let templateLocation = cursor.keyLocation(key, in: parent) ?? cursor.location(spec) ?? SourceLocation(path: path, line: 1)
        readCoreDNSImages(in: spec, workload: workload, cursor: cursor, fallback: templateLocation)
        var fields = PodDNSFields()
        if let policyNode = spec["dnsPolicy"] {
            let text = policyNode.scalar?.string ?? ""
            fields.policyLocation = cursor.location(policyNode)
            if let policy = DNSPolicy(rawValue: text) {
                fields.policy = policy
            } else if !TemplatePlaceholders.contains(text) {
                let hint = Spelling.suggestion(for: text, among: DNSPolicy.allCases.map(\.rawValue), maxDistance: 4).map { " (did you mean \($0)?)" } ?? ""
                report("dnsPolicy \(text) is not one of ClusterFirst, ClusterFirstWithHostNet, Default, None\(hint); the API server rejects the pod.",
                       at: fields.policyLocation)
                fields.rejected = true
            }
        }
        fields.hostNetwork = spec["hostNetwork"]?.bool ?? false
        if fields.hostNetwork { fields.hostNetworkLocation = cursor.location(spec["hostNetwork"]) }
        if let dnsConfig = spec["dnsConfig"] {
            fields.dnsConfigLocation = cursor.keyLocation("dnsConfig", in: spec)
            readDNSConfig(dnsConfig, into: &fields, cursor: cursor)
        }
        // A pod the API server refuses never runs, so it has no resolv.conf to judge.
        guard !fields.rejected else { return }
        let pod = PodDNS(kind: workload.kind, name: workload.name, namespace: workload.namespace,
                         namespaceLocation: workload.namespaceLocation, clusterDomain: options.clusterDomainName,
                         policy: fields.policy, policyLocation: fields.policyLocation, hostNetwork: fields.hostNetwork,
                         templateLocation: templateLocation, dnsConfigLocation: fields.dnsConfigLocation,
                         dnsConfigNameservers: fields.nameservers.count,
                         containers: containerImages(in: spec, cursor: cursor, fallback: templateLocation),
                         hostNetworkLocation: fields.hostNetworkLocation)
        result.inputs.append(PodResolvConfBuilder.build(pod: pod, fields: fields, path: path))
    }

    /// Init containers and containers with their images: which libc reads the pod's resolv.conf.
    private func containerImages(in spec: Node, cursor: YAMLCursor, fallback: SourceLocation) -> [ContainerImage] {
        ["initContainers", "containers"].flatMap { key in
            (spec[key]?.sequence.map(Array.init) ?? []).compactMap { container in
                guard let node = container["image"], let image = node.scalar?.string, !image.isEmpty else { return nil }
                // A templated tag (`alpine:{{ .Values.tag }}`) still names its repository; a templated
                // repository names nothing the inference knows.
                return ContainerImage(name: container["name"]?.scalar?.string ?? "(unnamed)", image: image,
                                      location: cursor.location(node) ?? fallback)
            }
        }
    }

    /// A CoreDNS container tells which version the cluster's Corefile runs on.
    private mutating func readCoreDNSImages(in spec: Node, workload: Workload, cursor: YAMLCursor, fallback: SourceLocation) {
        for container in spec["containers"]?.sequence ?? [] {
            guard let node = container["image"], let image = node.scalar?.string,
                  let version = CoreDNSImage.version(ofImage: image) else { continue }
            result.inputs.append(CoreDNSImage(path: path, workload: "\(workload.kind) \(workload.namespace)/\(workload.name)",
                                              image: image, version: version, location: cursor.location(node) ?? fallback,
                                              namespace: workload.namespace))
        }
    }

    private mutating func readDNSConfig(_ node: Node, into fields: inout PodDNSFields, cursor: YAMLCursor) {
        guard node.mapping != nil else {
            if node.null == nil { report("dnsConfig must be a mapping with nameservers, searches and options.", at: cursor.location(node)) }
            return
        }
        for item in list("nameservers", in: node, cursor: cursor) {
            guard let text = item.scalar?.string else { continue }
            let placeholder = TemplatePlaceholders.contains(text)
            if !placeholder, !ResolverAddress.isStrictIP(text) {
                report("dnsConfig nameserver \(text) is not an IP address; the API server rejects the pod.", at: cursor.location(item))
                continue
            }
            fields.nameservers.append(token(text, item, cursor, placeholder))
        }
        for item in list("searches", in: node, cursor: cursor) {
            guard let text = item.scalar?.string else { continue }
            fields.searches.append(token(text, item, cursor, TemplatePlaceholders.contains(text)))
        }
        for item in list("options", in: node, cursor: cursor) {
            guard item.mapping != nil, let name = item["name"]?.scalar?.string, !name.isEmpty else {
                report("dnsConfig option has no name; each option is a mapping like {name: ndots, value: \"2\"}.", at: cursor.location(item))
                continue
            }
            var text = name
            if let valueNode = item["value"], let value = valueNode.scalar {
                if value.style == .plain, valueNode.int != nil || valueNode.float != nil {
                    report("dnsConfig option \(name) has the unquoted number \(value.string) as its value; the API takes a string, so write value: \"\(value.string)\".",
                           at: cursor.location(valueNode))
                }
                if !value.string.isEmpty, valueNode.null == nil { text += ":" + value.string }
            }
            fields.options.append(token(text, item["name"] ?? item, cursor, TemplatePlaceholders.contains(text)))
        }
    }

    private mutating func list(_ key: String, in node: Node, cursor: YAMLCursor) -> [Node] {
        guard let value = node[key] else { return [] }
        if let sequence = value.sequence { return Array(sequence) }
        if value.null == nil { report("dnsConfig \(key) must be a list.", at: cursor.location(value)) }
        return []
    }

    private func token(_ text: String, _ node: Node, _ cursor: YAMLCursor, _ placeholder: Bool) -> ResolvConfToken {
        ResolvConfToken(text, at: cursor.location(node) ?? SourceLocation(path: path, line: 1), isPlaceholder: placeholder)
    }

    /// A Service of type ExternalName: CoreDNS answers its name with the target's answer (DNS4002 follows it).
    private mutating func readExternalName(_ object: Node, workload: Workload, cursor: YAMLCursor) {
        guard let spec = object["spec"], spec["type"]?.scalar?.string == "ExternalName",
              let node = spec["externalName"], let target = node.scalar?.string, !target.isEmpty,
              !TemplatePlaceholders.contains(target) else { return }
        result.inputs.append(ExternalNameService(path: path, name: workload.name, namespace: workload.namespace,
                                                 target: DNSName(target), location: cursor.location(node) ?? SourceLocation(path: path, line: 1)))
    }

    private mutating func readConfigMap(_ object: Node, namespace: String, cursor: YAMLCursor, swaps: [String: String]) {
        guard let value = object["data"]?["Corefile"], let scalar = value.scalar, let mark = scalar.mark else { return }
        let text = ManifestDocuments.restore(scalar.string, swaps: swaps)
        let map = EmbeddedTextMap.compute(value: text, fileLines: fileLines, scalarLine: mark.line + cursor.lineOffset,
                                          scalarColumn: mark.column, isBlock: scalar.style == .literal || scalar.style == .folded)
        embeddedCorefiles.append((text, map))
        let embedded = CorefileLoader().loadEmbedded(text: text, path: path, lineMap: map.lineMap,
                                                     columnOffset: map.columnOffset, options: options)
        // The namespace scopes which CoreDNS image's version applies to this Corefile.
        result.inputs += embedded.inputs.map { input in
            guard var corefile = input as? Corefile else { return input }
            corefile.namespace = namespace
            return corefile
        }
        result.views += embedded.views
        result.issues += embedded.issues
    }

    private mutating func reportPlaceholders() {
        guard !placeholders.isEmpty, !reportedTemplate else { return }
        report("The file is a template: placeholders \(TemplatePlaceholders.summary(placeholders)) were not checked.",
               at: SourceLocation(path: path, line: 1), severity: .note)
    }

    private mutating func report(_ message: String, at location: SourceLocation?, severity: Severity? = nil) {
        result.issues.append(InputIssue(.manifest, message, at: location ?? SourceLocation(path: path, line: 1), severity: severity))
    }
}
