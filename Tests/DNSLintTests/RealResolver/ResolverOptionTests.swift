import DNSLintModel
import Foundation
import Testing

/// What real glibc and musl do with resolv.conf options, truncated answers and the configuration limits the
/// DNS3xxx rules and DNS4002 describe: DNS3003 (musl reads only ndots, timeout and attempts), TC handling,
/// MAXNS, musl's 256-byte lines, `domain` against `search`.
@Suite(.needsRealResolvers) struct ResolverOptionTests {
    static let name = "api.example.com."
    static let both = [
        ScriptedAnswer("api.example.com", "A", .records(.a("192.0.2.10"))),
        ScriptedAnswer("api.example.com", "AAAA", .records(.aaaa("2001:db8::10"))),
    ]

    static func scenario(options: String, answers: [ScriptedAnswer] = both, tcp: Bool = true) -> ResolverScenario {
        ResolverScenario(resolvConf: "nameserver 127.0.0.1\noptions timeout:1 attempts:1 \(options)\n", name: name,
                         answers: answers, tcp: tcp)
    }

    @Test func useVCSendsGlibcOverTCPAndMuslIgnoresIt() async throws {
        let (glibc, musl) = try await RealResolver.runBoth(Self.scenario(options: "use-vc"))
        #expect(!glibc.queries.isEmpty && glibc.queries.allSatisfy { $0.transport == "tcp" }, "\(glibc)")
        #expect(!musl.queries.isEmpty && musl.queries.allSatisfy { $0.transport == "udp" }, "\(musl)")
        #expect(glibc.outcome.addresses.count == 2 && musl.outcome.addresses.count == 2)
    }

    @Test func edns0AddsOPTInGlibcOnly() async throws {
        let (glibc, musl) = try await RealResolver.runBoth(Self.scenario(options: "edns0"))
        #expect(!glibc.queries.isEmpty && glibc.queries.allSatisfy(\.edns), "\(glibc)")
        #expect(!musl.queries.isEmpty && musl.queries.allSatisfy { !$0.edns }, "\(musl)")
    }

    /// single-request-reopen: glibc sends the AAAA query from a new socket; musl still sends both from one,
    /// exactly as without the option.
    @Test func singleRequestReopenChangesGlibcSocketsAndNotMusls() async throws {
        let (glibc, musl) = try await RealResolver.runBoth(Self.scenario(options: "single-request-reopen"))
        let (plainGlibc, plainMusl) = try await RealResolver.runBoth(Self.scenario(options: ""))
        func ports(_ run: ResolverRun) -> Int { Set(run.queries.map(\.port)).count }
        #expect(ports(plainGlibc) == 1 && ports(plainMusl) == 1, "\(plainGlibc) \(plainMusl)")
        #expect(ports(glibc) == 2, "\(glibc)")
        #expect(ports(musl) == 1 && musl.sequence == plainMusl.sequence, "\(musl)")
    }

    /// single-request: glibc waits for the A answer before it asks AAAA, so a silent A means no AAAA query;
    /// musl asks both at once anyway.
    @Test func singleRequestSerialisesGlibcAndNotMusl() async throws {
        let answers = [ScriptedAnswer("api.example.com", "A", .silence), Self.both[1]]
        let (glibc, musl) = try await RealResolver.runBoth(Self.scenario(options: "single-request", answers: answers))
        #expect(!glibc.queries.isEmpty && glibc.queries.allSatisfy { $0.type == "A" }, "\(glibc)")
        #expect(musl.queries.contains { $0.type == "AAAA" }, "\(musl)")
        #expect(glibc.outcome.failureCode == "EAI_AGAIN" && musl.outcome.failureCode == "EAI_AGAIN")
    }

    /// Without rotate glibc asks the first name server only while it answers; musl asks every listed server
    /// at once, rotate or not.
    @Test func muslAsksEveryServerAtOnceWithOrWithoutRotate() async throws {
        for options in ["", "rotate"] {
            var scenario = Self.scenario(options: options)
            scenario.listen = ["127.0.0.1", "127.0.0.2"]
            scenario.resolvConf = "nameserver 127.0.0.1\nnameserver 127.0.0.2\noptions timeout:1 attempts:1 \(options)\n"
            let musl = try await RealResolver.run(scenario, .musl)
            #expect(Set(musl.queries.map(\.server)) == ["127.0.0.1", "127.0.0.2"], "\(options): \(musl)")
            #expect(musl.queries.count == 4, "\(options): \(musl)")
            if options.isEmpty {
                let glibc = try await RealResolver.run(scenario, .glibc)
                #expect(Set(glibc.queries.map(\.server)) == ["127.0.0.1"], "\(glibc)")
            }
        }
    }

    /// TC=1 over UDP: glibc asks again over TCP; musl 1.2.3 has no TCP fallback and returns what fitted.
    /// musl 1.2.4 added the fallback, so a newer musl is held to the opposite.
    @Test(.enabled("needs the musl release (dpkg-query)") { RealResolver.muslVersion != nil })
    func truncatedAnswerGoesOverTCPInGlibcOnly() async throws {
        let answers = [
            ScriptedAnswer("api.example.com", "A", .truncated(.a("192.0.2.99")),
                           tcp: .records(.a("192.0.2.10"), .a("192.0.2.11"))),
            Self.both[1],
        ]
        let (glibc, musl) = try await RealResolver.runBoth(Self.scenario(options: "", answers: answers))
        #expect(glibc.queries.contains { $0.transport == "tcp" && $0.type == "A" }, "\(glibc)")
        #expect(glibc.outcome.addresses.contains("A 192.0.2.11"), "\(glibc)")
        let muslFallsBack = !RealResolver.muslLacksTCPFallback
        #expect(musl.queries.contains { $0.transport == "tcp" } == muslFallsBack, "musl \(RealResolver.muslVersion ?? []): \(musl)")
        if !muslFallsBack {
            #expect(musl.outcome == .addresses(["AAAA 2001:db8::10", "A 192.0.2.99"]), "\(musl)")
        }
    }

    /// TC=1 and nothing on TCP: glibc fails the lookup (EAI_AGAIN) although AAAA answered; musl 1.2.3 never
    /// tries TCP and returns what it has.
    @Test(.enabled("needs musl older than 1.2.4") { RealResolver.muslLacksTCPFallback })
    func truncatedAnswerWithTCPRefused() async throws {
        let answers = [ScriptedAnswer("api.example.com", "A", .truncated()), Self.both[1]]
        let (glibc, musl) = try await RealResolver.runBoth(Self.scenario(options: "", answers: answers, tcp: false))
        #expect(glibc.outcome.failureCode == "EAI_AGAIN", "\(glibc)")
        #expect(musl.outcome == .addresses(["AAAA 2001:db8::10"]), "\(musl)")
        #expect(musl.queries.allSatisfy { $0.transport == "udp" }, "\(musl)")
    }

    /// Both libcs use the first three name servers only (MAXNS): a fourth is never asked.
    @Test func fourthNameServerIsNeverAsked() async throws {
        let servers = ["127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4"]
        var scenario = ResolverScenario(
            resolvConf: servers.map { "nameserver \($0)\n" }.joined() + "options timeout:1 attempts:1\n", name: Self.name,
            answers: [], otherwise: .silence, listen: servers)
        scenario.deadline = 30
        let (glibc, musl) = try await RealResolver.runBoth(scenario)
        for run in [glibc, musl] {
            #expect(Set(run.queries.map(\.server)) == Set(servers.prefix(3)), "\(run)")
            #expect(run.outcome.failureCode == "EAI_AGAIN", "\(run)")
        }
    }

    /// musl reads resolv.conf in 256-byte lines and skips a longer one: a long search line is not searched.
    @Test func muslSkipsASearchLineOf256BytesOrMore() async throws {
        let domains = (1...12).map { "team\($0).namespace.svc.cluster.local" }
        let line = "search " + domains.joined(separator: " ")
        #expect(line.utf8.count >= 256)
        let scenario = ResolverScenario(resolvConf: "nameserver 127.0.0.1\n\(line)\noptions ndots:5\n", name: "api",
                                        answers: [], otherwise: .nxdomain)
        let (glibc, musl) = try await RealResolver.runBoth(scenario)
        #expect(glibc.queries.first?.name == "api.\(domains[0]).", "\(glibc)")
        #expect(glibc.queries.count == 2 * (domains.count + 1), "\(glibc)")
        #expect(musl.sequence == ["api./A", "api./AAAA"], "\(musl)")
    }

    /// `domain` and `search` set the same list; the later line wins in both libcs.
    @Test func laterOfDomainAndSearchWins() async throws {
        for (conf, first) in [("domain a.example\nsearch b.example\n", "api.b.example."), ("search b.example\ndomain a.example\n", "api.a.example.")] {
            let scenario = ResolverScenario(resolvConf: "nameserver 127.0.0.1\n" + conf, name: "api", answers: [])
            let (glibc, musl) = try await RealResolver.runBoth(scenario)
            #expect(glibc.queries.first?.name == first && musl.queries.first?.name == first, "\(glibc) \(musl)")
            #expect(glibc.sequence == musl.sequence, "\(glibc) \(musl)")
        }
    }
}
