import DNSLintModel
import DNSLintSimulate
import Testing

/// The client models on the scenarios the incidents turn on. The same scenarios run through the real
/// glibc and musl in RealLibcMatrixTests; these pin the models' own answers.
@Suite struct ClientModelTests {
    static let search = ["shop.svc.cluster.local", "svc.cluster.local", "cluster.local"]
    static let first = "api.example.com.shop.svc.cluster.local."

    /// A table server: unknown names are NXDOMAIN.
    static func table(_ entries: [String: ServerReply]) -> ClientResolver.Ask {
        { query in entries["\(query.name) \(query.type.rawValue)"] ?? .nxDomain }
    }

    static let resolvedAtTheEnd: [String: ServerReply] = [
        "api.example.com. A": ServerReply(rcode: .noError, answerCount: 1, addresses: ["192.0.2.80"]),
        "api.example.com. AAAA": ServerReply(rcode: .noError),
    ]

    @Test(arguments: Libc.allCases)
    func aShortNameWalksTheSearchListThenTheNameItself(_ libc: Libc) {
        let settings = ClientSettings(libc: libc, search: Self.search, ndots: 5)
        let trace = ClientResolver.lookup("api.example.com", settings: settings, ask: Self.table(Self.resolvedAtTheEnd))
        #expect(trace.outcome == LookupOutcome(.resolved, addresses: ["192.0.2.80"]))
        #expect(trace.queries.map(\.description) == (Self.search.map { "api.example.com.\($0)." } + ["api.example.com."])
            .flatMap { ["\($0)/A", "\($0)/AAAA"] })
    }

    /// The incident: the first candidate's A is NXDOMAIN while its AAAA is a NOERROR holding only CNAMEs.
    /// glibc counts the AAAA reply as success, finds no address and gives up; musl moves on at the NXDOMAIN.
    @Test func anNXDomainANextToACNAMEOnlyAAAAStopsGlibcButNotMusl() {
        var entries = Self.resolvedAtTheEnd
        entries["\(Self.first) AAAA"] = ServerReply(rcode: .noError, answerCount: 3)
        let glibc = ClientResolver.lookup("api.example.com", settings: ClientSettings(libc: .glibc, search: Self.search, ndots: 5),
                                          ask: Self.table(entries))
        #expect(glibc.outcome.kind == .noName)
        #expect(glibc.queries.count == 2)
        let musl = ClientResolver.lookup("api.example.com", settings: ClientSettings(libc: .musl, search: Self.search, ndots: 5),
                                         ask: Self.table(entries))
        #expect(musl.outcome.kind == .resolved)
        #expect(musl.queries.count == 8)
    }

    /// musl ends the walk at a NODATA (NOERROR, no answer) for both types with "Name does not resolve";
    /// glibc remembers it and moves on.
    @Test func aNoDataCandidateEndsMuslsWalkOnly() {
        var entries = Self.resolvedAtTheEnd
        entries["\(Self.first) A"] = .noData
        entries["\(Self.first) AAAA"] = .noData
        let glibc = ClientResolver.lookup("api.example.com", settings: ClientSettings(libc: .glibc, search: Self.search, ndots: 5),
                                          ask: Self.table(entries))
        #expect(glibc.outcome.kind == .resolved)
        let musl = ClientResolver.lookup("api.example.com", settings: ClientSettings(libc: .musl, search: Self.search, ndots: 5),
                                         ask: Self.table(entries))
        #expect(musl.outcome.kind == .noName)
        #expect(musl.queries.count == 2)
    }

    /// With as many dots as ndots the name goes first; musl then never tries the search list.
    @Test func enoughDotsTriesTheNameFirstAndMuslOnlyThat() {
        let entries: [String: ServerReply] = [:]
        let glibc = ClientResolver.lookup("api.example.com", settings: ClientSettings(libc: .glibc, search: Self.search, ndots: 2),
                                          ask: Self.table(entries))
        #expect(glibc.queries.first?.name == "api.example.com.")
        #expect(glibc.queries.count == 8)
        let musl = ClientResolver.lookup("api.example.com", settings: ClientSettings(libc: .musl, search: Self.search, ndots: 2),
                                         ask: Self.table(entries))
        #expect(musl.queries.map(\.name) == ["api.example.com.", "api.example.com."])
        #expect(musl.outcome.kind == .noName)
    }

    /// TC: glibc asks again over TCP; musl 1.2.3 takes the truncated answer as it is.
    @Test func aTruncatedAnswerIsRetriedOverTCPByGlibcOnly() {
        let ask: ClientResolver.Ask = { query in
            if query.transport == .udp { return ServerReply(rcode: .noError, answerCount: 1, truncated: true) }
            return ServerReply(rcode: .noError, answerCount: 2, addresses: query.type == .a ? ["192.0.2.1"] : [])
        }
        let glibc = ClientResolver.lookup("big.example.", settings: ClientSettings(libc: .glibc, search: [], ndots: 1), ask: ask)
        #expect(glibc.outcome.kind == .resolved)
        #expect(glibc.queries.map(\.description) == ["big.example./A", "big.example./AAAA", "big.example./A/tcp", "big.example./AAAA/tcp"])
        let musl = ClientResolver.lookup("big.example.", settings: ClientSettings(libc: .musl, search: [], ndots: 1), ask: ask)
        #expect(musl.outcome.kind == .noName)
        #expect(musl.queries.allSatisfy { $0.transport == .udp })
    }
}
