import LDNS
import Foundation

/// Facts about resolv.conf options shared by the parser, the libc models and the rules.
package enum ResolverOptions {
    /// Options with a numeric value (`ndots:5`); the only ones musl reads.
    package static let valued = ["ndots", "timeout", "attempts"]

    /// glibc's flag options in the order res_setoptions tries them. glibc compares prefixes, so
    /// `single-request-reopen` must come before `single-request`. `trust-ad` arrived in 2.31, `no-aaaa` in 2.36;
    /// `inet6` is gone (glibc 2.36's libc.so has no such string).
    package static let glibcFlags = [
        "rotate", "edns0", "single-request-reopen", "single-request", "no_tld_query",
        "no-tld-query", "no-reload", "use-vc", "trust-ad", "no-aaaa",
    ]

    /// glibc's clamps (resolv.h RES_MAXNDOTS, RES_MAXRETRANS, RES_MAXRETRY).
    package static let glibcMaximum = ["ndots": 15, "timeout": 30, "attempts": 5]
    /// musl's clamps (src/network/resolvconf.c).
    package static let muslMaximum = ["ndots": 15, "timeout": 60, "attempts": 10]

    /// Options other resolvers know, so an unknown-option finding can say where they come from.
    package static let foreignOptions: [String: String] = [
        "debug": "glibc builds with debugging only",
        "inet6": "older glibc (deprecated in 2.25, since removed)",
        "ip6-bytestring": "glibc before 2.25",
        "ip6-dotint": "glibc before 2.25",
        "no-ip6-dotint": "glibc before 2.25",
        "insecure1": "BIND's libbind",
        "insecure2": "BIND's libbind",
        "tcp": "OpenBSD",
        "inet4": "OpenBSD",
        "edns0-do": "nothing (DO bits are set by validators, not resolv.conf)",
    ]

    /// The option name of a token (`ndots` for `ndots:5`).
    package static func name(of token: String) -> String {
        if let colon = token.firstIndex(of: ":") { return String(token[..<colon]) }
        return token
    }

    /// The glibc flag a token turns on: glibc accepts any token that starts with a flag's name.
    package static func glibcFlag(for token: String) -> String? {
        glibcFlags.first { token.hasPrefix($0) }
    }

    /// What C's atoi returns for the text after the colon: leading digits, 0 when there are none.
    package static func atoi(_ text: Substring) -> Int {
        var rest = text.drop(while: { $0 == " " || $0 == "\t" })
        var sign = 1
        if let first = rest.first, first == "-" || first == "+" {
            sign = first == "-" ? -1 : 1
            rest = rest.dropFirst()
        }
        var value = 0
        for character in rest {
            guard let digit = character.wholeNumberValue, character.isASCII else { break }
            value = min(value * 10 + digit, 1_000_000)
        }
        return sign * value
    }

    /// True when `value` is a whole non-negative decimal number, as a person writing `ndots:` means it.
    package static func isPlainNumber(_ value: Substring) -> Bool {
        !value.isEmpty && value.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

/// Address checks done the way both libcs do them: inet_aton for IPv4, inet_pton for IPv6 with an
/// optional `%scope` suffix.
package enum ResolverAddress {
    package static func isValid(_ text: String) -> Bool {
        if text.isEmpty { return false }
        var v4 = in_addr()
        if inet_aton(text, &v4) != 0 { return true }
        let withoutScope = text.split(separator: "%", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? text
        var v6 = in6_addr()
        return !withoutScope.isEmpty && inet_pton(AF_INET6, withoutScope, &v6) == 1
    }

    /// Strict check for addresses in a Kubernetes manifest (the API server's ParseIP).
    package static func isStrictIP(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}
