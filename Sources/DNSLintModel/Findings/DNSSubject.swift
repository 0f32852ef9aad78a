import LDNS
/// What a finding is about in DNS terms: a fully qualified name, optionally a type and the server asked.
package struct DNSSubject: Sendable, Hashable, Codable {
    package var name: String
    package var type: String?
    package var server: String?

    package init(name: String, type: String? = nil, server: String? = nil) {
        self.name = name
        self.type = type
        self.server = server
    }
}
