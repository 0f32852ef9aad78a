@testable import DNSLintInputs
import DNSLintModel
import DNSLintSimulate
import Testing

/// The simulation's client models against the real libraries: each scenario runs through real glibc and
/// musl `getaddrinfo` (RealResolver: a scripted server inside a private network namespace) and through
/// `ClientResolver` with the same answers; the query sequence and the outcome must agree exactly.
@Suite(.needsRealResolvers) struct RealLibcMatrixTests {
    static let search = "search ns.svc.cluster.local svc.cluster.local cluster.local\n"
    static let candidate = "api.example.com.ns.svc.cluster.local"
    static let real = [
        ScriptedAnswer("api.example.com", "A", .records(.a("192.0.2.10"))),
        ScriptedAnswer("api.example.com", "AAAA", .records(.aaaa("2001:db8::10"))),
    ]

    static func conf(_ options: String = "ndots:5", search: String = RealLibcMatrixTests.search) -> String {
        "nameserver 127.0.0.1\n" + search + "options \(options)\n"
    }

    static func first(_ a: ScriptedReply, _ aaaa: ScriptedReply, options: String = "ndots:5") -> ResolverScenario {
        ResolverScenario(resolvConf: conf(options), name: "api.example.com",
                         answers: [ScriptedAnswer(candidate, "A", a), ScriptedAnswer(candidate, "AAAA", aaaa)] + real)
    }

    static let cnameOnly = ScriptedReply.records(.cname("api.example.com."))

    /// Label → scenario; at least 20, covering rcodes per type per search name, TC, ndots, search lengths
    /// and the single-request options.
    static let matrix: [(String, ResolverScenario)] = [
        ("every candidate NXDOMAIN", first(.nxdomain, .nxdomain)),
        ("A NXDOMAIN, AAAA NODATA", first(.nxdomain, .nodata)),
        ("A NODATA, AAAA NXDOMAIN", first(.nodata, .nxdomain)),
        ("A NXDOMAIN, AAAA CNAME only (the incident)", first(.nxdomain, cnameOnly)),
        ("A CNAME only, AAAA NXDOMAIN", first(cnameOnly, .nxdomain)),
        ("A CNAME only, AAAA CNAME only", first(cnameOnly, cnameOnly)),
        ("A address, AAAA NXDOMAIN", first(.records(.a("192.0.2.99")), .nxdomain)),
        ("A NXDOMAIN, AAAA address", first(.nxdomain, .records(.aaaa("2001:db8::99")))),
        ("A and AAAA NODATA", first(.nodata, .nodata)),
        ("A and AAAA SERVFAIL", first(.servfail, .servfail)),
        ("A SERVFAIL, AAAA NXDOMAIN", first(.servfail, .nxdomain)),
        ("A NXDOMAIN, AAAA SERVFAIL", first(.nxdomain, .servfail)),
        ("A and AAAA REFUSED", first(.refused, .refused)),
        ("A and AAAA both addresses at the first candidate",
         first(.records(.a("192.0.2.99")), .records(.aaaa("2001:db8::99")))),
        ("ndots:2: the name first", first(.nxdomain, .nxdomain, options: "ndots:2")),
        ("ndots:2, the name NXDOMAIN, a candidate answers",
         ResolverScenario(resolvConf: conf("ndots:2"), name: "api.example.com",
                          answers: [ScriptedAnswer("api.example.com.svc.cluster.local", "A", .records(.a("192.0.2.7"))),
                                    ScriptedAnswer("api.example.com.svc.cluster.local", "AAAA", .nodata)])),
        ("a trailing dot: the name only",
         ResolverScenario(resolvConf: conf(), name: "api.example.com.", answers: real)),
        ("a single label resolves at the second candidate",
         ResolverScenario(resolvConf: conf(), name: "web",
                          answers: [ScriptedAnswer("web.svc.cluster.local", "A", .records(.a("10.0.0.7"))),
                                    ScriptedAnswer("web.svc.cluster.local", "AAAA", .nodata)])),
        ("single-request", first(.nxdomain, cnameOnly, options: "ndots:5 single-request")),
        ("single-request-reopen", first(.nxdomain, .nxdomain, options: "ndots:5 single-request-reopen")),
        ("no search list, ndots:1",
         ResolverScenario(resolvConf: "nameserver 127.0.0.1\noptions ndots:1\n", name: "api.example.com", answers: real)),
        ("six search domains, nothing anywhere",
         ResolverScenario(resolvConf: conf(search: "search a.example b.example c.example d.example e.example f.example\n"),
                          name: "api.example.com", answers: [])),
        ("the name has no address anywhere",
         ResolverScenario(resolvConf: conf(), name: "api.example.com",
                          answers: [ScriptedAnswer("api.example.com", "A", .nodata), ScriptedAnswer("api.example.com", "AAAA", .nodata)])),
        ("a silent first candidate, one attempt", first(.silence, .silence, options: "ndots:5 timeout:1 attempts:1")),
        ("TC on A with the whole answer over TCP",
         ResolverScenario(resolvConf: conf("ndots:1"), name: "big.example.com",
                          answers: [ScriptedAnswer("big.example.com", "A", .truncated(), tcp: .records(.a("192.0.2.1"), .a("192.0.2.2"))),
                                    ScriptedAnswer("big.example.com", "AAAA", .nodata)])),
        ("TC on both with a CNAME that fitted",
         ResolverScenario(resolvConf: conf("ndots:1"), name: "big.example.com",
                          answers: [ScriptedAnswer("big.example.com", "A", .truncated(.cname("lb.example.net.")),
                                                   tcp: .records(.cname("lb.example.net."), .a("192.0.2.1", owner: "lb.example.net."))),
                                    ScriptedAnswer("big.example.com", "AAAA", .truncated(.cname("lb.example.net.")),
                                                   tcp: .records(.cname("lb.example.net.")))])),
    ]

    /// The model's server: the scenario's table, as the scripted server answers it.
    static func ask(_ scenario: ResolverScenario) -> ClientResolver.Ask {
        { query in
            let name = query.name.lowercased().hasSuffix(".") ? String(query.name.lowercased().dropLast()) : query.name.lowercased()
            let entry = scenario.answers.first { $0.name.lowercased().trimmingSuffixDot == name && $0.type == query.type.rawValue }
            var reply = entry?.udp ?? scenario.otherwise
            if query.transport == .tcp {
                reply = entry?.tcp ?? reply
                reply.truncated = false
            }
            return serverReply(reply, type: query.type.rawValue)
        }
    }

    static func serverReply(_ reply: ScriptedReply, type: String) -> ServerReply {
        guard !reply.silent else { return .timeout }
        let rcode = ServerReply.Rcode(rawValue: reply.rcode) ?? .servFail
        return ServerReply(rcode: rcode, answerCount: reply.records.count,
                           addresses: reply.records.filter { $0.type == type }.map { "\(type) \($0.data)" }, truncated: reply.truncated)
    }

    static func model(_ scenario: ResolverScenario, _ libc: Libc) -> ClientTrace {
        let conf = ResolvConfParser.parse(scenario.resolvConf, path: "resolv.conf", maxLineBytes: 4096).0
        return ClientResolver.lookup(scenario.name, settings: ClientSettings(conf.effective(for: libc)), ask: ask(scenario))
    }

    static func distinct(_ sequence: [String]) -> [String] {
        var seen = Set<String>()
        return sequence.filter { seen.insert($0).inserted }
    }

    static func same(_ real: ResolverOutcome, _ model: LookupOutcome) -> Bool {
        switch real {
        case .addresses(let list): model.kind == .resolved && Set(list) == Set(model.addresses)
        case .failed(let code, _):
            code == ["resolved": "", "no-name": "EAI_NONAME", "no-data": "EAI_NODATA", "try-again": "EAI_AGAIN", "fail": "EAI_FAIL"][model.kind.rawValue]
        case .timedOut: false
        }
    }

    @Test func theMatrixHasAtLeastTwentyScenarios() { #expect(Self.matrix.count >= 20) }

    @Test(arguments: Self.matrix.indices)
    func theModelsAgreeWithTheRealLibcs(_ index: Int) async throws {
        let (label, scenario) = Self.matrix[index]
        let (glibc, musl) = try await RealResolver.runBoth(scenario)
        for run in [glibc, musl] {
            let model = Self.model(scenario, run.libc)
            let sequence = model.queries.map(\.description)
            if run.libc == .glibc {
                // The UDP and the TCP queries each in order: a TC reply's TCP retry may reach the server before
                // the other type's UDP query does.
                for transport in ["/tcp", ""] {
                    let real = run.sequence.filter { $0.hasSuffix("/tcp") == !transport.isEmpty }
                    let modelled = sequence.filter { $0.hasSuffix("/tcp") == !transport.isEmpty }
                    #expect(modelled == real, "\(label) [glibc]: model \(sequence) real \(run)")
                }
            } else {
                // musl retransmits unanswered and SERVFAIL queries on a timer, so the count of repeats depends on
                // timing; the distinct queries in the order first sent must agree.
                #expect(sequence == Self.distinct(run.sequence), "\(label) [musl]: model \(sequence) real \(run)")
            }
            #expect(Self.same(run.outcome, model.outcome), "\(label) [\(run.libc)]: model \(model.outcome) real \(run.outcome)")
        }
    }
}

private extension String {
    var trimmingSuffixDot: String { hasSuffix(".") ? String(dropLast()) : self }
}
