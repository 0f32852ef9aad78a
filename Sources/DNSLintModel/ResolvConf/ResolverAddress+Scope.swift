import LDNS
import Foundation

/// Where an address points from the resolver's point of view: rules that care about NAT and network
/// namespaces (DNS3002, DNS3017, DNS4004) ask this, never the text.
extension ResolverAddress {
    /// The address as bytes (4 or 16), read the way the libcs read a nameserver line; nil when it is not one.
    package static func bytes(of text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_aton(text, &v4) != 0 {
            return withUnsafeBytes(of: v4.s_addr) { Array($0) }
        }
        let withoutScope = text.split(separator: "%", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? text
        var v6 = in6_addr()
        guard !withoutScope.isEmpty, inet_pton(AF_INET6, withoutScope, &v6) == 1 else { return nil }
        return withUnsafeBytes(of: v6) { Array($0) }
    }

    /// 127.0.0.0/8, ::1 and ::ffff:127.0.0.0/104: the host's (or the pod's) own loopback, with no NAT on the way.
    package static func isLoopback(_ text: String) -> Bool {
        guard let bytes = bytes(of: text) else { return false }
        if bytes.count == 4 { return bytes[0] == 127 }
        if bytes == Array(repeating: 0, count: 15) + [1] { return true }
        return isV4Mapped(bytes) && bytes[12] == 127
    }

    /// 169.254.0.0/16 and fe80::/10: a node-local address such as NodeLocal DNSCache's 169.254.20.10.
    package static func isLinkLocal(_ text: String) -> Bool {
        guard let bytes = bytes(of: text) else { return false }
        if bytes.count == 4 { return bytes[0] == 169 && bytes[1] == 254 }
        if isV4Mapped(bytes) { return bytes[12] == 169 && bytes[13] == 254 }
        return bytes[0] == 0xfe && bytes[1] & 0xc0 == 0x80
    }

    /// True when both texts name the same address (`fd00::a` and `fd00:0:0::a`).
    package static func same(_ one: String, _ other: String) -> Bool {
        guard let left = bytes(of: one), let right = bytes(of: other) else { return one == other }
        return left == right
    }

    private static func isV4Mapped(_ bytes: [UInt8]) -> Bool {
        bytes.count == 16 && bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff
    }
}
