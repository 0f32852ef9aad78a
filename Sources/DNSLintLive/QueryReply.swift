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
    guard message.isResponse, let question = message.question, question.type == type, question.rrClass == 1,
          question.name.count == name.count else { return false }
    for (left, right) in zip(question.name, name) {
        let l = left >= 65 && left <= 90 ? left | 0x20 : left
        let r = right >= 65 && right <= 90 ? right | 0x20 : right
        if l != r { return false }
    }
    return true
}
