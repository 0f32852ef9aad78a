import DNSLintModel

extension LintContext {
    /// The clients in this run whose resolver never retries a truncated answer over TCP (musl 1.2.3 and older,
    /// i.e. Alpine 3.17 and older; busybox nslookup), described for messages; nil when none are known.
    ///
    /// This is the one place per-workload libc inference plugs in. Today only the run-wide `--libc musl` says
    /// so, and as it does not name a musl release it is taken as possibly 1.2.3 or older.
    var clientsWithoutTCPFallback: String? {
        options.libc == .musl
            ? "the clients run musl (--libc musl): musl 1.2.3 and older (Alpine 3.17 and older) never retry a truncated answer over TCP"
            : nil
    }
}
