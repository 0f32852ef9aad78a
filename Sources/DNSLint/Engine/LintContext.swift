/// Something a loader made of one input: a zone, a Corefile, a resolv.conf, a pod's DNS settings.
public protocol ParsedInput: Sendable {
    /// The path as the user gave it (or as reached through a folder or an include).
    var path: String { get }
}

/// Everything the rules may read: parsed inputs, DNS views over data, and the options.
public final class LintContext: Sendable {
    public let options: LintOptions
    public let inputs: [any ParsedInput]
    public let views: [any DNSView]

    public init(options: LintOptions, inputs: [any ParsedInput], views: [any DNSView]) {
        self.options = options
        self.inputs = inputs
        self.views = views
    }

    /// Parsed inputs of one type, in load order.
    public func inputs<T: ParsedInput>(of type: T.Type) -> [T] {
        inputs.compactMap { $0 as? T }
    }
}
