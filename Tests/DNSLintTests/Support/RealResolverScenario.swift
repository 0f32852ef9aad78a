import DNSLintModel
import Foundation

/// One lookup to run through a real libc: the resolv.conf it reads, the name it asks getaddrinfo for, and
/// what the scripted server answers. A plain value, so a matrix of them can be run through both libcs and
/// compared with a model of the client (query sequence and outcome).
struct ResolverScenario: Codable, Sendable, Hashable {
    var resolvConf: String
    var name: String
    /// Replies by (name, type); every other question gets `otherwise`.
    var answers: [ScriptedAnswer]
    var otherwise: ScriptedReply = .nxdomain
    /// Listen on TCP as well; false: TCP connections are refused.
    var tcp = true
    /// Loopback addresses the server answers on, port 53 (resolv.conf names them).
    var listen = ["127.0.0.1"]
    /// Seconds the client may take before it is killed.
    var deadline = 20.0

    init(resolvConf: String, name: String, answers: [ScriptedAnswer], otherwise: ScriptedReply = .nxdomain,
         tcp: Bool = true, listen: [String] = ["127.0.0.1"], deadline: Double = 20) {
        self.resolvConf = resolvConf
        self.name = name
        self.answers = answers
        self.otherwise = otherwise
        self.tcp = tcp
        self.listen = listen
        self.deadline = deadline
    }
}

/// The reply to one (name, type), over UDP and, when it differs, over TCP.
struct ScriptedAnswer: Codable, Sendable, Hashable {
    var name: String
    var type: String
    var udp: ScriptedReply
    /// nil: over TCP the UDP reply without TC.
    var tcp: ScriptedReply?

    init(_ name: String, _ type: String, _ udp: ScriptedReply, tcp: ScriptedReply? = nil) {
        self.name = name
        self.type = type
        self.udp = udp
        self.tcp = tcp
    }
}

/// What the scripted server sends: an rcode with answer records, perhaps with TC set, or nothing at all.
struct ScriptedReply: Codable, Sendable, Hashable {
    var rcode = "NOERROR"
    var records: [ScriptedRecord] = []
    var truncated = false
    /// No reply: the client times out.
    var silent = false

    static let nxdomain = ScriptedReply(rcode: "NXDOMAIN")
    /// NOERROR with an empty answer section.
    static let nodata = ScriptedReply()
    static let servfail = ScriptedReply(rcode: "SERVFAIL")
    static let refused = ScriptedReply(rcode: "REFUSED")
    static let silence = ScriptedReply(silent: true)

    static func records(_ records: ScriptedRecord...) -> ScriptedReply { ScriptedReply(records: records) }
    /// TC set, with `records` (perhaps none) as the part that fitted.
    static func truncated(_ records: ScriptedRecord...) -> ScriptedReply { ScriptedReply(records: records, truncated: true) }
}

/// An answer record; its owner is the question's name unless `name` says otherwise (a CNAME chain's later hops).
struct ScriptedRecord: Codable, Sendable, Hashable {
    var name: String?
    var type: String
    var ttl = 30
    var data: String

    static func a(_ address: String, owner: String? = nil, ttl: Int = 30) -> ScriptedRecord {
        ScriptedRecord(name: owner, type: "A", ttl: ttl, data: address)
    }
    static func aaaa(_ address: String, owner: String? = nil, ttl: Int = 30) -> ScriptedRecord {
        ScriptedRecord(name: owner, type: "AAAA", ttl: ttl, data: address)
    }
    static func cname(_ target: String, owner: String? = nil, ttl: Int = 30) -> ScriptedRecord {
        ScriptedRecord(name: owner, type: "CNAME", ttl: ttl, data: target)
    }
}

/// One query the scripted server received.
struct ObservedQuery: Codable, Sendable, Hashable, CustomStringConvertible {
    /// Absolute, as asked (`api.example.com.ns.svc.cluster.local.`).
    var name: String
    var type: String
    /// `udp` or `tcp`.
    var transport: String
    /// The query carried an additional record (an OPT: EDNS).
    var edns: Bool
    /// The listening address it reached, and the client's source port.
    var server: String
    var port: Int
    /// Seconds after the server started.
    var at: Double

    var description: String { "\(name)/\(type)" + (transport == "tcp" ? "/tcp" : "") }
}

/// What getaddrinfo returned.
enum ResolverOutcome: Sendable, Hashable, CustomStringConvertible {
    /// Distinct addresses in the order the libc returned them, as `A 192.0.2.1` / `AAAA 2001:db8::1`.
    case addresses([String])
    /// The EAI_ code's name and gai_strerror's text (`EAI_NONAME`, `Name or service not known`).
    case failed(code: String, message: String)
    /// The client outlived the scenario's deadline.
    case timedOut

    var description: String {
        switch self {
        case .addresses(let list): "addresses " + list.joined(separator: ", ")
        case .failed(let code, let message): "\(code): \(message)"
        case .timedOut: "timed out"
        }
    }

    var failureCode: String? {
        if case .failed(let code, _) = self { return code }
        return nil
    }

    var addresses: [String] {
        if case .addresses(let list) = self { return list }
        return []
    }
}

/// The result of one scenario under one libc: the outcome and every query in the order the server got them.
struct ResolverRun: Sendable, CustomStringConvertible {
    var libc: Libc
    var outcome: ResolverOutcome
    var queries: [ObservedQuery]
    var seconds: Double

    /// `name/type` of each query, with `/tcp` for TCP.
    var sequence: [String] { queries.map(\.description) }

    var description: String { "\(libc): \(outcome) after \(queries.count) queries [\(sequence.joined(separator: " "))]" }
}
