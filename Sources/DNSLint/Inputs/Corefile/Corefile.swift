/// A parsed Corefile: its server blocks in order, each with keys and directives, every piece with
/// its place in the file (or, for a Corefile embedded in a ConfigMap, in the YAML file).
public struct Corefile: ParsedInput {
    public var path: String
    public var serverBlocks: [ServerBlock]
    /// Template placeholders such as `UPSTREAMNAMESERVER` or `__PILLAR__DNS__SERVER__`; empty for a real Corefile.
    public var placeholders: [Placeholder]
    /// `import` lines dnslint did not follow (embedded text, container paths, unmatched globs).
    public var unresolvedImports: [UnresolvedImport]
    /// True when the text came from another file (a ConfigMap's `data.Corefile`).
    public var isEmbedded: Bool

    public init(path: String, serverBlocks: [ServerBlock], placeholders: [Placeholder] = [],
                unresolvedImports: [UnresolvedImport] = [], isEmbedded: Bool = false) {
        self.path = path
        self.serverBlocks = serverBlocks
        self.placeholders = placeholders
        self.unresolvedImports = unresolvedImports
        self.isEmbedded = isEmbedded
    }

    public var isTemplate: Bool { !placeholders.isEmpty }

    /// One server block: keys like `.:53 example.org:5353 tls://.` and the plugins it runs.
    public struct ServerBlock: Sendable {
        public var keys: [ServerKey]
        public var directives: [Directive]
        /// Where the first key is.
        public var location: SourceLocation

        public init(keys: [ServerKey], directives: [Directive], location: SourceLocation) {
            self.keys = keys
            self.directives = directives
            self.location = location
        }

        /// The first directive of this plugin, e.g. `block.directive("autopath")`.
        public func directive(_ name: String) -> Directive? { directives.first { $0.name == name } }

        public func directives(named name: String) -> [Directive] { directives.filter { $0.name == name } }

        public func has(_ name: String) -> Bool { directive(name) != nil }

        /// The keys as CoreDNS names the block in its logs, e.g. `.:53, example.org:5353`.
        public var title: String { keys.map(\.text).joined(separator: " ") }
    }

    /// A server block key: `[transport://]zone[:port]`.
    public struct ServerKey: Sendable, Hashable {
        public var text: String
        public var transport: Transport
        /// Fully qualified, lower case; a CIDR key (`10.0.0.0/8`) yields its reverse zones.
        public var zones: [DNSName]
        /// The port, explicit or the transport's default; nil when it cannot be known (a placeholder).
        public var port: Int?
        public var location: SourceLocation
        /// The key holds a template placeholder or an environment reference: its zone is not known.
        public var isPlaceholder: Bool

        public init(text: String, transport: Transport, zones: [DNSName], port: Int?, location: SourceLocation,
                    isPlaceholder: Bool = false) {
            self.text = text
            self.transport = transport
            self.zones = zones
            self.port = port
            self.location = location
            self.isPlaceholder = isPlaceholder
        }

        public var zone: DNSName? { zones.first }
    }

    /// The listener schemes CoreDNS knows (`plugin/pkg/transport`).
    public enum Transport: String, Sendable, Hashable, CaseIterable {
        case dns, tls, quic, grpc, https, https3, unix

        public var defaultPort: Int? {
            switch self {
            case .dns: 53
            case .tls, .quic: 853
            case .grpc, .https, .https3: 443
            case .unix: nil
            }
        }
    }

    /// A plugin line (`forward . 8.8.8.8 {`) or, inside its block, an option line (`policy sequential`).
    public struct Directive: Sendable {
        public var name: String
        public var arguments: [Argument]
        /// Lines of the block that follows on the same line as `{`, if any.
        public var block: [Directive]
        public var hasBlock: Bool
        public var location: SourceLocation

        public init(name: String, arguments: [Argument] = [], block: [Directive] = [], hasBlock: Bool = false,
                    location: SourceLocation) {
            self.name = name
            self.arguments = arguments
            self.block = block
            self.hasBlock = hasBlock
            self.location = location
        }

        /// Argument texts as CoreDNS hands them to the plugin.
        public var args: [String] { arguments.map(\.text) }

        /// The first option line of this name in the block, e.g. `kubernetes.option("pods")`.
        public func option(_ name: String) -> Directive? { block.first { $0.name == name } }

        public func options(named name: String) -> [Directive] { block.filter { $0.name == name } }

        /// The directive as written on one line, for messages: `forward . /etc/resolv.conf`.
        public var summary: String { ([name] + args).joined(separator: " ") }
    }

    public struct Argument: Sendable {
        public var text: String
        public var location: SourceLocation
        public var quoted: Bool

        public init(text: String, location: SourceLocation, quoted: Bool = false) {
            self.text = text
            self.location = location
            self.quoted = quoted
        }

        /// A template placeholder or `{$ENV}` reference: its value is only known when deployed.
        public var isUnknownValue: Bool {
            !CorefilePlaceholders.find(in: text).isEmpty || CorefilePlaceholders.hasEnvironmentReference(text)
        }
    }

    public struct Placeholder: Sendable, Hashable {
        public var text: String
        public var location: SourceLocation
    }

    public struct UnresolvedImport: Sendable {
        public var pattern: String
        public var location: SourceLocation
        public var reason: String
    }
}
