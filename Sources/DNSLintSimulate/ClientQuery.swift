import DNSLintModel

/// One question a client model sends, and what came back: the unit both the models and the real-libc
/// tests compare, so a model and a real `getaddrinfo` can be held side by side query by query.
package struct ClientQuery: Sendable, Hashable, Codable, CustomStringConvertible {
    package enum QueryType: String, Sendable, Hashable, Codable { case a = "A", aaaa = "AAAA" }
    package enum Transport: String, Sendable, Hashable, Codable { case udp, tcp }

    /// Absolute, lower-case, with the trailing dot.
    package var name: String
    package var type: QueryType
    package var transport: Transport

    package init(name: String, type: QueryType, transport: Transport = .udp) {
        self.name = name
        self.type = type
        self.transport = transport
    }

    package var description: String { "\(name)/\(type.rawValue)\(transport == .tcp ? "/tcp" : "")" }
}

/// What a server said to one query, reduced to what the libc resolvers look at.
package struct ServerReply: Sendable, Hashable, Codable {
    package enum Rcode: String, Sendable, Hashable, Codable {
        case noError = "NOERROR", formErr = "FORMERR", servFail = "SERVFAIL", nxDomain = "NXDOMAIN"
        case notImp = "NOTIMP", refused = "REFUSED"
    }

    /// nil: no reply at all (a timeout).
    package var rcode: Rcode?
    /// Records in the answer section, CNAMEs included: glibc treats a NOERROR with any answer as success.
    package var answerCount: Int
    /// Addresses of the asked type in the answer.
    package var addresses: [String]
    /// TC set: the UDP answer was cut at 512 bytes.
    package var truncated: Bool

    package init(rcode: Rcode?, answerCount: Int = 0, addresses: [String] = [], truncated: Bool = false) {
        self.rcode = rcode
        self.answerCount = answerCount
        self.addresses = addresses
        self.truncated = truncated
    }

    package static let timeout = ServerReply(rcode: nil)
    package static let nxDomain = ServerReply(rcode: .nxDomain)
    package static let noData = ServerReply(rcode: .noError)
    package static let servFail = ServerReply(rcode: .servFail)

    /// NOERROR with at least one answer record.
    var answered: Bool { rcode == .noError && answerCount > 0 }
}

/// How a lookup ended, as the application sees it.
package struct LookupOutcome: Sendable, Hashable, Codable {
    package enum Kind: String, Sendable, Hashable, Codable {
        /// Addresses came back.
        case resolved
        /// EAI_NONAME: glibc "Name or service not known", musl "Name does not resolve" — curl's "Could not resolve host".
        case noName = "no-name"
        /// EAI_NODATA (musl "Name has no usable address").
        case noData = "no-data"
        /// EAI_AGAIN: a SERVFAIL or a timeout ("Temporary failure in name resolution", musl "Try again").
        case tryAgain = "try-again"
        /// EAI_FAIL: REFUSED, FORMERR, NOTIMP.
        case fail
    }

    package var kind: Kind
    package var addresses: [String]

    package init(_ kind: Kind, addresses: [String] = []) {
        self.kind = kind
        self.addresses = addresses
    }

    package var failed: Bool { kind != .resolved }
}

/// A lookup's queries in the order they were sent and how it ended.
package struct ClientTrace: Sendable, Hashable, Codable {
    package var queries: [ClientQuery]
    package var outcome: LookupOutcome
}
