import CLdns

/// An ldns status code with ldns' own explanation.
package struct LDNSError: Error, Sendable, CustomStringConvertible {
    package let code: Int
    package let message: String

    init(_ status: ldns_status) {
        code = Int(status.rawValue)
        if let text = ldns_get_errorstr_by_id(status) {
            message = String(cString: text)
        } else {
            message = "ldns error \(status.rawValue)"
        }
    }

    package init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    package var description: String { message }
}
