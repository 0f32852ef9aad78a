import LDNS
/// A Service of `type: ExternalName`: CoreDNS' kubernetes plugin answers its name with a CNAME to
/// `externalName` and resolves that target through the server itself (its forward, for names outside the
/// cluster), so the target's answer reaches pods under the service's name.
package struct ExternalNameService: ParsedInput {
    package var path: String
    package var name: String
    package var namespace: String
    /// The target, fully qualified.
    package var target: DNSName
    /// The `externalName:` line.
    package var location: SourceLocation

    package init(path: String, name: String, namespace: String, target: DNSName, location: SourceLocation) {
        self.path = path
        self.name = name
        self.namespace = namespace
        self.target = target
        self.location = location
    }

    /// The name pods ask: `NAME.NAMESPACE.svc.CLUSTERDOMAIN.`.
    package func serviceName(clusterDomain: String) -> DNSName {
        DNSName("\(name).\(namespace).svc.\(clusterDomain)")
    }
}
