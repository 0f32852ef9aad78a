import DNSLintModel
import LDNS
import NIOCore

/// One question to put to one server.
struct OutgoingQuery: Sendable {
    var name: [UInt8]
    var type: RRType
    var server: ServerAddress
    var edns: Bool
    var recursionDesired: Bool
    var timeout: TimeAmount
}

/// What came back for one query.
enum QueryReply: Sendable {
    case response(DNSMessage)
    case timeout
    case malformed(String)
    case error(String)
}

/// Does a decoded response answer this question? Names compare case-insensitively (RFC 4343).
func matches(_ message: DNSMessage, name: [UInt8], type: RRType) -> Bool {
    guard message.isResponse, let question = message.question, question.type == type, question.rrClass == 1 else { return false }
    return WireName.equalIgnoringCase(question.name, name)
}
