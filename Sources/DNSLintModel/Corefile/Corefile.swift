import LDNS
/// A parsed Corefile: its server blocks in order, each with keys and directives, every piece with
/// its place in the file (or, for a Corefile embedded in a ConfigMap, in the YAML file).
package struct Corefile: ParsedInput {
    package var path: String
    package var serverBlocks: [ServerBlock]
    /// Template placeholders such as `UPSTREAMNAMESERVER` or `__PILLAR__DNS__SERVER__`; empty for a real Corefile.
    package var placeholders: [Placeholder]
    /// `import` lines dnslint did not follow (embedded text, container paths, unmatched globs).
    package var unresolvedImports: [UnresolvedImport]
    /// True when the text came from another file (a ConfigMap's `data.Corefile`).
    package var isEmbedded: Bool
    /// The namespace of the ConfigMap an embedded Corefile came from; nil for a Corefile file.
    package var namespace: String?
    /// The CoreDNS release the rules judge this Corefile against; `LintContext` sets it (`CoreDNSVersionScope`).
    package var judgedVersion: JudgedCoreDNSVersion?

    package init(path: String, serverBlocks: [ServerBlock], placeholders: [Placeholder] = [],
                unresolvedImports: [UnresolvedImport] = [], isEmbedded: Bool = false, namespace: String? = nil) {
        self.path = path
        self.serverBlocks = serverBlocks
        self.placeholders = placeholders
        self.unresolvedImports = unresolvedImports
        self.isEmbedded = isEmbedded
        self.namespace = namespace
    }

    package var isTemplate: Bool { !placeholders.isEmpty }

    /// The judged CoreDNS version (unknown until a `LintContext` judged it).
    package var coreDNS: JudgedCoreDNSVersion { judgedVersion ?? .unknown }

    /// Where the Corefile starts: its first server block key, else the first line of its file.
    package var startLocation: SourceLocation {
        serverBlocks.first.map { SourceLocation(path: $0.location.path, line: $0.location.line, column: $0.location.column) }
            ?? SourceLocation(path: path, line: 1)
    }

    /// One server block: keys like `.:53 example.org:5353 tls://.` and the plugins it runs.
    package struct ServerBlock: Sendable {
        package var keys: [ServerKey]
        package var directives: [Directive]
        /// Where the first key is.
        package var location: SourceLocation

        package init(keys: [ServerKey], directives: [Directive], location: SourceLocation) {
            self.keys = keys
            self.directives = directives
            self.location = location
        }

        /// The first directive of this plugin, e.g. `block.directive("autopath")`.
        package func directive(_ name: String) -> Directive? { directives.first { $0.name == name } }

        package func directives(named name: String) -> [Directive] { directives.filter { $0.name == name } }

        package func has(_ name: String) -> Bool { directive(name) != nil }

        /// The keys as CoreDNS names the block in its logs, e.g. `.:53, example.org:5353`.
        package var title: String { keys.map(\.text).joined(separator: " ") }
    }

    /// A server block key: `[transport://]zone[:port]`.
    package struct ServerKey: Sendable, Hashable {
        package var text: String
        package var transport: Transport
        /// Fully qualified, lower case; a CIDR key (`10.0.0.0/8`) yields its reverse zones.
        package var zones: [DNSName]
        /// The port, explicit or the transport's default; nil when it cannot be known (a placeholder).
        package var port: Int?
        package var location: SourceLocation
        /// The key holds a template placeholder or an environment reference: its zone is not known.
        package var isPlaceholder: Bool

        package init(text: String, transport: Transport, zones: [DNSName], port: Int?, location: SourceLocation,
                    isPlaceholder: Bool = false) {
            self.text = text
            self.transport = transport
            self.zones = zones
            self.port = port
            self.location = location
            self.isPlaceholder = isPlaceholder
        }

        package var zone: DNSName? { zones.first }
    }

    /// The listener schemes CoreDNS knows (`plugin/pkg/transport`).
    package enum Transport: String, Sendable, Hashable, CaseIterable {
        case dns, tls, quic, grpc, https, https3, unix

        package var defaultPort: Int? {
            switch self {
            case .dns: 53
            case .tls, .quic: 853
            case .grpc, .https, .https3: 443
            case .unix: nil
            }
        }
    }

    /// A plugin line (`forward . 8.8.8.8 {`) or, inside its block, an option line (`policy sequential`).
    package struct Directive: Sendable {
        package var name: String
        package var arguments: [Argument]
        /// Lines of the block that follows on the same line as `{`, if any.
        package var block: [Directive]
        package var hasBlock: Bool
        package var location: SourceLocation

        package init(name: String, arguments: [Argument] = [], block: [Directive] = [], hasBlock: Bool = false,
                    location: SourceLocation) {
            self.name = name
            self.arguments = arguments
            self.block = block
            self.hasBlock = hasBlock
            self.location = location
        }

        /// Argument texts as CoreDNS hands them to the plugin.
        package var args: [String] { arguments.map(\.text) }

        /// The first option line of this name in the block, e.g. `kubernetes.option("pods")`.
        package func option(_ name: String) -> Directive? { block.first { $0.name == name } }

        package func options(named name: String) -> [Directive] { block.filter { $0.name == name } }

        /// The directive as written on one line, for messages: `forward . /etc/resolv.conf`.
        package var summary: String { ([name] + args).joined(separator: " ") }
    }

    package struct Argument: Sendable {
        package var text: String
        package var location: SourceLocation
        package var quoted: Bool

        package init(text: String, location: SourceLocation, quoted: Bool = false) {
            self.text = text
            self.location = location
            self.quoted = quoted
        }

        /// A template placeholder or `{$ENV}` reference: its value is only known when deployed.
        package var isUnknownValue: Bool {
            !CorefilePlaceholders.find(in: text).isEmpty || CorefilePlaceholders.hasEnvironmentReference(text)
        }
    }

    package struct Placeholder: Sendable, Hashable {
        package init(text: String, location: SourceLocation) {
            self.text = text
            self.location = location
        }

        package var text: String
        package var location: SourceLocation
    }

    package struct UnresolvedImport: Sendable {
        package init(pattern: String, location: SourceLocation, reason: String) {
            self.pattern = pattern
            self.location = location
            self.reason = reason
        }

        package var pattern: String
        package var location: SourceLocation
        package var reason: String
    }
}
