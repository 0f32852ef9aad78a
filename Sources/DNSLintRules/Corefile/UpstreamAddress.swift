import DNSLintModel
import LDNS
/// A forward upstream written as an address (`10.0.0.1`, `10.0.0.1:5353`, `dns://[::1]:53`, `tls://9.9.9.9`),
/// normalised so two spellings of one server compare equal.
struct UpstreamAddress: Hashable {
    var scheme: String
    var host: String
    var port: Int

    /// Nil for files (`/etc/resolv.conf`), placeholders and anything that is not an address.
    init?(_ argument: Corefile.Argument) {
        guard !argument.isUnknownValue else { return nil }
        var rest = Substring(argument.text.lowercased())
        scheme = "dns"
        if let range = rest.range(of: "://") {
            scheme = String(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        let defaultPort = ["tls": 853, "https": 443, "grpc": 443][scheme] ?? 53
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            let after = rest[rest.index(after: close)...]
            if after.isEmpty {
                port = defaultPort
            } else {
                guard after.hasPrefix(":"), let number = Int(after.dropFirst()) else { return nil }
                port = number
            }
        } else if rest.filter({ $0 == ":" }).count == 1, let colon = rest.firstIndex(of: ":") {
            host = String(rest[..<colon])
            guard let number = Int(rest[rest.index(after: colon)...]) else { return nil }
            port = number
        } else {
            host = String(rest)
            port = defaultPort
        }
        guard Self.isIPv4(host) || host.contains(":") else { return nil }
        if host == "0:0:0:0:0:0:0:1" { host = "::1" }
    }

    var isLoopback: Bool { host == "::1" || (Self.isIPv4(host) && host.hasPrefix("127.")) }

    /// As CoreDNS logs it: `127.0.0.1:53`, `[::1]:53`.
    var text: String { (scheme == "dns" ? "" : scheme + "://") + (host.contains(":") ? "[\(host)]" : host) + ":\(port)" }

    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in Int(part).map { (0...255).contains($0) && part.count <= 3 } ?? false }
    }
}
