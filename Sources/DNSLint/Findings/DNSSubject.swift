/// What a finding is about in DNS terms: a fully qualified name, optionally a type and the server asked.
public struct DNSSubject: Sendable, Hashable, Codable {
    public var name: String
    public var type: String?
    public var server: String?

    public init(name: String, type: String? = nil, server: String? = nil) {
        self.name = name
        self.type = type
        self.server = server
    }
}
