import DNSLintModel

extension LintContext {
    /// The clients in this run whose resolver never retries a truncated answer over TCP, described for messages;
    /// nil when none are known. These are the musl clients (`ClientLibc`: by each workload's images, or
    /// `--libc musl`) whose release lacks the TCP fallback (musl 1.2.3 and older, i.e. Alpine 3.17 and older)
    /// or is not known — an unknown musl release is taken as possibly an old one, as an unknown CoreDNS release is.
    /// DNS2005 and DNS4002 read only this.
    var clientsWithoutTCPFallback: String? {
        let clients = muslClients.filter { $0.lacksTCPFallback ?? true }
        guard !clients.isEmpty else { return nil }
        let named = clients.compactMap(\.clientDescription)
        let who = named.isEmpty ? "the clients run musl (--libc musl)" : "musl clients (\(named.prefix(3).joined(separator: "; "))\(named.count > 3 ? " and \(named.count - 3) more" : ""))"
        return "\(who) may never retry a truncated answer over TCP (musl 1.2.3 and older, i.e. Alpine 3.17 and older, have no TCP fallback)"
    }
}
