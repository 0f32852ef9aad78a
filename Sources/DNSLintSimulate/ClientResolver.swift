import DNSLintModel

/// `getaddrinfo(name, AF_UNSPEC)` as glibc and musl run it over DNS: which names they try in which order,
/// A and AAAA per name, and which replies end the walk, continue it or fail it. The tests run the same
/// scenarios through the real libcs (Tests/DNSLintTests/Simulate) and compare queries and outcomes.
package enum ClientResolver {
    /// Asks one query at the server; the caller's clock and server state decide the reply.
    package typealias Ask = (ClientQuery) -> ServerReply

    package static func lookup(_ name: String, settings: ClientSettings, ask: @escaping Ask) -> ClientTrace {
        let log = QueryLog(ask)
        let outcome = switch settings.libc {
        case .glibc: GlibcLookup(settings: settings, ask: log.ask).run(name)
        case .musl: MuslLookup(settings: settings, ask: log.ask).run(name)
        }
        return ClientTrace(queries: log.queries, outcome: outcome)
    }

    /// Keeps the queries in the order the model sent them.
    private final class QueryLog {
        private(set) var queries: [ClientQuery] = []
        private let server: Ask
        init(_ server: @escaping Ask) { self.server = server }
        func ask(_ query: ClientQuery) -> ServerReply {
            queries.append(query)
            return server(query)
        }
    }

    /// Sends one query; a TC reply is asked again over TCP when the client falls back to TCP.
    static func exchange(_ name: String, _ type: ClientQuery.QueryType, settings: ClientSettings, ask: Ask) -> ServerReply {
        let reply = ask(ClientQuery(name: name, type: type))
        guard reply.truncated, settings.tcpFallback else { return reply }
        return ask(ClientQuery(name: name, type: type, transport: .tcp))
    }

    /// `name` joined to a search domain, absolute.
    static func candidate(_ name: String, _ domain: String?) -> String {
        let joined = domain.map { "\(name).\($0)" } ?? name
        return joined.lowercased() + "."
    }
}

/// glibc 2.36: resolv/res_query.c `__res_context_search` (the walk), `__res_context_query` (how the A and
/// AAAA replies of one name combine), resolv/nss_dns/dns-host.c (success without an address is "not found").
struct GlibcLookup {
    let settings: ClientSettings
    let ask: ClientResolver.Ask

    /// h_errno values the walk looks at.
    enum HostError { case hostNotFound, noData, tryAgain, noRecovery }

    /// One name's A and AAAA: either res_query succeeded (some reply answered) or it failed with h_errno.
    enum NameResult {
        case answered([String])
        case failed(HostError, servFail: Bool)
    }

    func run(_ input: String) -> LookupOutcome {
        let trailingDot = input.hasSuffix(".")
        let name = trailingDot ? String(input.dropLast()) : input
        let dots = name.filter { $0 == "." }.count
        var savedError: HostError?
        var triedAsIs = false
        if dots >= settings.ndots || trailingDot {
            switch query(name) {
            case .answered(let addresses): return resolved(addresses)
            case .failed(let error, _):
                if trailingDot { return outcome(error) }
                savedError = error
                triedAsIs = true
            }
        }
        var gotNoData = false, gotServFail = false
        var lastError: HostError = .hostNotFound
        // RES_DEFNAMES and RES_DNSRCH are on by default: the walk runs for names with and without dots.
        for domain in settings.search {
            switch query("\(name).\(domain)") {
            case .answered(let addresses): return resolved(addresses)
            case .failed(let error, let servFail):
                lastError = error
                if error == .noData { gotNoData = true; continue }
                if error == .hostNotFound { continue }
                if error == .tryAgain, servFail { gotServFail = true; continue }
            }
            break
        }
        if !triedAsIs {
            switch query(name) {
            case .answered(let addresses): return resolved(addresses)
            case .failed(let error, _): lastError = error
            }
        }
        if let savedError { return outcome(savedError) }
        if gotNoData { return outcome(.noData) }
        if gotServFail { return outcome(.tryAgain) }
        return outcome(lastError)
    }

    /// res_query for A and AAAA together (or one after the other with single-request): success when either
    /// reply is NOERROR with an answer, even if that answer holds only CNAMEs and no address.
    private func query(_ name: String) -> NameResult {
        let absolute = ClientResolver.candidate(name, nil)
        var (a, aaaa) = pair(absolute, transport: .udp)
        if settings.tcpFallback, a.truncated || aaaa.truncated {
            // send_dg: a TC reply sends the pair again over TCP (send_vc), both queries.
            (a, aaaa) = pair(absolute, transport: .tcp)
        } else {
            // send_dg: SERVFAIL, NOTIMP or REFUSED with no other reply in hand gives up on the server and the
            // next attempt sends the pair again; measured: both replies such a code, `attempts` pairs.
            var attempt = 1
            while attempt < max(settings.attempts, 1), Self.retried(a), Self.retried(aaaa) {
                (a, aaaa) = pair(absolute, transport: .udp)
                attempt += 1
            }
        }
        if a.rcode == nil || aaaa.rcode == nil { return .failed(.tryAgain, servFail: false) }
        if a.answered || aaaa.answered { return .answered(a.addresses + aaaa.addresses) }
        // Both failed: the first reply's rcode decides unless it is NOERROR.
        let rcode = a.rcode == .noError ? aaaa.rcode : a.rcode
        switch rcode {
        case .nxDomain: return .failed(.hostNotFound, servFail: false)
        case .servFail: return .failed(.tryAgain, servFail: a.rcode == .servFail)
        case .noError: return .failed(.noData, servFail: false)
        default: return .failed(.noRecovery, servFail: false)
        }
    }

    private func pair(_ name: String, transport: ClientQuery.Transport) -> (ServerReply, ServerReply) {
        (ask(ClientQuery(name: name, type: .a, transport: transport)), ask(ClientQuery(name: name, type: .aaaa, transport: transport)))
    }

    private static func retried(_ reply: ServerReply) -> Bool {
        reply.rcode == .servFail || reply.rcode == .notImp || reply.rcode == .refused
    }

    /// A successful res_query whose answers hold no address (only CNAMEs) ends the lookup as not found.
    private func resolved(_ addresses: [String]) -> LookupOutcome {
        addresses.isEmpty ? LookupOutcome(.noName) : LookupOutcome(.resolved, addresses: addresses)
    }

    private func outcome(_ error: HostError) -> LookupOutcome {
        switch error {
        case .hostNotFound: LookupOutcome(.noName)
        case .noData: LookupOutcome(.noData)
        case .tryAgain: LookupOutcome(.tryAgain)
        case .noRecovery: LookupOutcome(.fail)
        }
    }
}

/// musl 1.2.3: src/network/lookup_name.c `name_from_dns_search` and `name_from_dns`. A name with ndots or
/// more dots (or a trailing dot) is tried as written only; otherwise each search domain, then the name.
/// NXDOMAIN in either reply moves on (the A reply is looked at first); SERVFAIL, a missing reply or no address
/// anywhere ends the lookup. Measured against musl 1.2.3 in RealLibcMatrixTests.
struct MuslLookup {
    let settings: ClientSettings
    let ask: ClientResolver.Ask

    /// nil: NXDOMAIN, try the next name.
    func run(_ input: String) -> LookupOutcome {
        let trailingDot = input.hasSuffix(".")
        let name = trailingDot ? String(input.dropLast()) : input
        let dots = name.filter { $0 == "." }.count
        if dots < settings.ndots, !trailingDot {
            for domain in settings.search {
                if let outcome = query("\(name).\(domain)") { return outcome }
            }
        }
        return query(name) ?? LookupOutcome(.noName)
    }

    private func query(_ name: String) -> LookupOutcome? {
        let absolute = ClientResolver.candidate(name, nil)
        // __res_msend sends both at once and drops replies other than NOERROR, NXDOMAIN and SERVFAIL (it
        // retransmits a SERVFAIL's query until the timeout), so REFUSED ends as no reply: EAI_AGAIN.
        let replies = [ClientResolver.exchange(absolute, .a, settings: settings, ask: ask),
                       ClientResolver.exchange(absolute, .aaaa, settings: settings, ask: ask)]
        for reply in replies {
            guard let rcode = reply.rcode, rcode == .noError || rcode == .nxDomain else { return LookupOutcome(.tryAgain) }
            if rcode == .nxDomain { return nil }
        }
        // No address in either reply (NODATA, only CNAMEs, a truncated answer): the walk ends, EAI_NONAME.
        let addresses = replies.flatMap(\.addresses)
        return addresses.isEmpty ? LookupOutcome(.noName) : LookupOutcome(.resolved, addresses: addresses)
    }
}
