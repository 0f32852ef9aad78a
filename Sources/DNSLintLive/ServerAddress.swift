import DNSLintModel
import LDNS
import Foundation
import NIOCore

/// A name server to ask: an IP literal and a port, parsed from `HOST[:PORT]` or `[IPv6]:PORT`.
package struct ServerAddress: Sendable, Hashable, CustomStringConvertible {
    package let host: String
    package let port: Int
    // Worked out once: every query names its server (its socket address, its family and its spelling), and
    // parsing the address or searching the text for a colon on each one was a visible share of a live run.
    package let socketAddress: SocketAddress
    package let isIPv6: Bool
    /// `192.0.2.1:53`, `[2001:db8::1]:53`.
    package let description: String

    /// Parses `192.0.2.1`, `192.0.2.1:5300`, `::1`, `[::1]:5300`; nil when the host is not an IP address.
    package init?(parsing text: String, defaultPort: Int = 53) {
        var host = text
        var port = defaultPort
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            if !rest.isEmpty {
                guard rest.hasPrefix(":"), let value = Int(rest.dropFirst()) else { return nil }
                port = value
            }
        } else if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
            host = String(text[..<colon])
            guard let value = Int(text[text.index(after: colon)...]) else { return nil }
            port = value
        }
        guard (1...65535).contains(port), let address = try? SocketAddress(ipAddress: host, port: port) else { return nil }
        self.host = host
        self.port = port
        socketAddress = address
        isIPv6 = host.utf8.contains(UInt8(ascii: ":"))
        description = isIPv6 ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    package static func == (lhs: ServerAddress, rhs: ServerAddress) -> Bool {
        lhs.host == rhs.host && lhs.port == rhs.port
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(host)
        hasher.combine(port)
    }
}

/// The parts of a resolv.conf the prober uses: name servers, search list and ndots.
package struct ResolverSettings: Sendable, Hashable {
    package var nameservers: [String] = []
    package var search: [String] = []
    package var ndots = 1

    package init() {}

    /// Reads the file the way glibc does: last `search`/`domain` wins, `options ndots:N` capped at 15.
    package init(contentsOf path: String) throws(InputError) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw InputError("\(path): cannot read the resolv.conf file")
        }
        self.init(text: text)
    }

    package init(text: String) {
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.split(whereSeparator: { $0 == "#" || $0 == ";" }).first ?? ""
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let keyword = words.first else { continue }
            switch keyword {
            case "nameserver" where words.count > 1: nameservers.append(words[1])
            case "search", "domain": search = Array(words.dropFirst())
            case "options":
                for option in words.dropFirst() where option.hasPrefix("ndots:") {
                    if let value = Int(option.dropFirst(6)) { ndots = min(max(value, 0), 15) }
                }
            default: continue
            }
        }
    }
}
