import DNSLintModel
import LDNS
import Foundation

/// Reads server block keys as CoreDNS' `InspectServerBlocks` does: an optional `scheme://`, a zone or
/// CIDR, an optional `:port` (default from the scheme). Problems come back as sentences for DNS0002.
enum CorefileServerKeyParser {
    static func parse(_ text: String, location: SourceLocation) -> (key: Corefile.ServerKey, problem: String?) {
        var rest = Substring(text)
        var transport = Corefile.Transport.dns
        if let schemeEnd = rest.range(of: "://") {
            let scheme = rest[..<schemeEnd.lowerBound].lowercased()
            guard let known = Corefile.Transport(rawValue: scheme) else {
                let key = Corefile.ServerKey(text: text, transport: .dns, zones: [], port: nil, location: location)
                let schemes = Corefile.Transport.allCases.filter { $0 != .unix }.map { $0.rawValue + "://" }
                return (key, "server block key '\(text)' has an unknown scheme '\(scheme)://'; expected one of \(schemes.joined(separator: ", "))")
            }
            transport = known
            rest = rest[schemeEnd.upperBound...]
        }
        let unknown = !CorefilePlaceholders.find(in: text).isEmpty || CorefilePlaceholders.hasEnvironmentReference(text)
        var port = transport.defaultPort
        var problem: String?
        if let colon = rest.lastIndex(of: ":"), transport != .unix, !rest.hasPrefix("[") {
            let portText = rest[rest.index(after: colon)...]
            if portText.isEmpty {
                problem = "server block key '\(text)' ends with ':'; expected a port number after it"
            } else if let number = Int(portText) {
                if (0...65535).contains(number) {
                    port = number
                } else {
                    problem = "server block key '\(text)' has port \(number); expected a port from 0 to 65535"
                }
                rest = rest[..<colon]
            } else if !unknown, !rest.contains("/") {
                problem = "server block key '\(text)' has '\(portText)' after ':'; expected a port number"
            }
        }
        if unknown {
            let key = Corefile.ServerKey(text: text, transport: transport, zones: [], port: port, location: location,
                                         isPlaceholder: true)
            return (key, nil)
        }
        if transport == .unix {
            return (Corefile.ServerKey(text: text, transport: .unix, zones: [.root], port: nil, location: location), nil)
        }
        let zones: [DNSName]
        if rest.contains("/") {
            if let reverse = ReverseZones.zones(forCIDR: String(rest)) {
                zones = reverse
            } else {
                zones = []
                problem = problem ?? "server block key '\(text)' is neither a zone nor a CIDR such as 10.0.0.0/8"
            }
        } else {
            zones = [DNSName(String(rest))]
            if let zoneProblem = zoneProblem(String(rest)) {
                problem = problem ?? "server block key '\(text)' \(zoneProblem)"
            }
        }
        return (Corefile.ServerKey(text: text, transport: transport, zones: zones, port: port, location: location), problem)
    }

    /// Why a zone spelling can never match a query name, or nil when it is fine.
    static func zoneProblem(_ zone: String) -> String? {
        if zone.isEmpty { return "has no zone before the port; write '.' for the root zone (e.g. '.:53')" }
        if zone == "." { return nil }
        if zone.utf8.count > 255 { return "is longer than 255 bytes; a zone name cannot be" }
        if let odd = zone.unicodeScalars.first(where: { !$0.isASCII }) {
            return "contains the non-ASCII character '\(odd)'; query names arrive in ASCII, so write the zone in its xn-- (punycode) form"
        }
        if zone.contains("\\") { return "contains a backslash escape; expected a plain zone name" }
        let trimmed = zone.hasSuffix(".") ? String(zone.dropLast()) : zone
        let labels = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        if labels.contains(where: \.isEmpty) { return "has an empty label (two dots in a row or a leading dot)" }
        if labels.contains(where: { $0.utf8.count > 63 }) { return "has a label longer than 63 bytes" }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_*")
        if let bad = zone.first(where: { $0 != "." && !allowed.contains($0) }) {
            return "contains '\(bad)', which no zone name this key could match has"
        }
        return nil
    }
}

/// The in-addr.arpa / ip6.arpa zones a CIDR server key stands for, split on label boundaries as CoreDNS does.
enum ReverseZones {
    static func zones(forCIDR cidr: String) -> [DNSName]? {
        let parts = cidr.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let bits = Int(parts[1]) else { return nil }
        if let octets = ipv4(parts[0]), (0...32).contains(bits) {
            let whole = (bits + 7) / 8
            let variants = 1 << (whole * 8 - bits)
            guard variants <= 256 else { return nil }
            return (0..<variants).map { offset in
                var labels = Array(octets.prefix(whole))
                if whole > 0 { labels[whole - 1] = (labels[whole - 1] & ~UInt8(variants - 1)) + UInt8(offset) }
                let reversed = labels.reversed().map(String.init).joined(separator: ".")
                return DNSName(reversed.isEmpty ? "in-addr.arpa." : reversed + ".in-addr.arpa.")
            }
        }
        if let nibbles = ipv6Nibbles(parts[0]), (0...128).contains(bits) {
            let whole = (bits + 3) / 4
            let variants = 1 << (whole * 4 - bits)
            return (0..<variants).map { offset in
                var labels = Array(nibbles.prefix(whole))
                if whole > 0 { labels[whole - 1] = (labels[whole - 1] & ~UInt8(variants - 1)) + UInt8(offset) }
                let reversed = labels.reversed().map { String($0, radix: 16) }.joined(separator: ".")
                return DNSName(reversed.isEmpty ? "ip6.arpa." : reversed + ".ip6.arpa.")
            }
        }
        return nil
    }

    static func ipv4(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let values = parts.compactMap { UInt8($0) }
        return values.count == 4 ? values : nil
    }

    static func ipv6Nibbles(_ text: Substring) -> [UInt8]? {
        guard text.contains(":") else { return nil }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            if part.isEmpty { return [] }
            let items = part.split(separator: ":", omittingEmptySubsequences: false)
            let values = items.compactMap { $0.count <= 4 ? UInt16($0, radix: 16) : nil }
            return values.count == items.count ? values : nil
        }
        guard let head = groups(halves[0]) else { return nil }
        let tail = halves.count == 2 ? groups(halves[1]) : []
        guard let tail else { return nil }
        let missing = 8 - head.count - tail.count
        guard halves.count == 2 ? missing >= 1 : missing == 0 else { return nil }
        let all = head + Array(repeating: 0, count: missing) + tail
        return all.flatMap { group in (0..<4).map { UInt8((group >> (12 - 4 * $0)) & 0xF) } }
    }
}
