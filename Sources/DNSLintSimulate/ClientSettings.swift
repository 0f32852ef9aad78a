import DNSLintModel

/// The resolv.conf settings a client model runs with (already interpreted for its libc).
package struct ClientSettings: Sendable, Hashable, Codable {
    package var libc: Libc
    /// Search domains without trailing dots.
    package var search: [String]
    package var ndots: Int
    /// glibc: A then AAAA, each waiting for its reply (`single-request`, `single-request-reopen`).
    package var sequential: Bool
    package var timeout: Int
    package var attempts: Int
    /// musl 1.2.3 and older use a truncated UDP answer as it is; 1.2.4 retries over TCP like glibc.
    package var tcpFallback: Bool

    package init(libc: Libc, search: [String], ndots: Int, sequential: Bool = false, timeout: Int = 5, attempts: Int = 2,
                 tcpFallback: Bool? = nil) {
        self.libc = libc
        self.search = search.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty }
        self.ndots = ndots
        self.sequential = sequential
        self.timeout = timeout
        self.attempts = attempts
        self.tcpFallback = tcpFallback ?? (libc == .glibc)
    }

    /// The settings a libc takes from a parsed resolv.conf.
    package init(_ conf: EffectiveResolvConf, tcpFallback: Bool? = nil) {
        self.init(libc: conf.libc, search: conf.searchDomains, ndots: conf.ndots,
                  sequential: conf.libc == .glibc && (conf.has("single-request") || conf.has("single-request-reopen")),
                  timeout: conf.timeout, attempts: conf.attempts, tcpFallback: tcpFallback)
    }
}
