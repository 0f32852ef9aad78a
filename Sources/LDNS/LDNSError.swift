import CLdns

/// An ldns status code with ldns' own explanation.
public struct LDNSError: Error, Sendable, CustomStringConvertible {
    public let code: Int
    public let message: String

    init(_ status: ldns_status) {
        code = Int(status.rawValue)
        if let text = ldns_get_errorstr_by_id(status) {
            message = String(cString: text)
        } else {
            message = "ldns error \(status.rawValue)"
        }
    }

    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
