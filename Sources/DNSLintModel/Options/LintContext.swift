import LDNS
/// Something a loader made of one input: a zone, a Corefile, a resolv.conf, a pod's DNS settings.
package protocol ParsedInput: Sendable {
    /// The path as the user gave it (or as reached through a folder or an include).
    var path: String { get }
}

/// Everything the rules may read: parsed inputs, DNS views over data, and the options.
package final class LintContext: Sendable {
    package let options: LintOptions
    package let inputs: [any ParsedInput]
    package let views: [any DNSView]

    /// Every Corefile among `inputs` gets the CoreDNS version it is judged against here, once, so every
    /// rule (and the report) reads the same one.
    package init(options: LintOptions, inputs: [any ParsedInput], views: [any DNSView]) {
        self.options = options
        self.inputs = CoreDNSVersionScope.annotate(inputs, options: options)
        self.views = views
    }

    /// Parsed inputs of one type, in load order.
    package func inputs<T: ParsedInput>(of type: T.Type) -> [T] {
        inputs.compactMap { $0 as? T }
    }
}
