import DNSLintModel
import Testing

/// How real glibc and musl getaddrinfo walk a Kubernetes search list when a candidate's A and AAAA answers
/// disagree: the claims of DNS1014 (search-path-rcode-split) and DNS4001 (autopath-cache-split-answer),
/// measured here with glibc 2.36 and musl 1.2.3 (Debian bookworm).
@Suite(.needsRealResolvers) struct SearchWalkTests {
    static let resolvConf = "nameserver 127.0.0.1\nsearch ns.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n"
    static let candidate = "api.example.com.ns.svc.cluster.local"
    static let realName = "api.example.com"
    static let realAnswers = [
        ScriptedAnswer(realName, "A", .records(.a("192.0.2.10"))),
        ScriptedAnswer(realName, "AAAA", .records(.aaaa("2001:db8::10"))),
    ]
    /// Both addresses of the real name, as both libcs list them.
    static let realAddresses = ["AAAA 2001:db8::10", "A 192.0.2.10"]
    /// A and AAAA for each search candidate, then for the name itself.
    static let fullWalk = ["ns.svc.cluster.local.", "svc.cluster.local.", "cluster.local.", ""].flatMap { suffix in
        ["A", "AAAA"].map { "api.example.com.\(suffix)/\($0)" }
    }
    static let candidatePair = ["\(candidate)./A", "\(candidate)./AAAA"]

    /// The first candidate answers A and AAAA as given; the other candidates are NXDOMAIN; the real name resolves.
    static func split(a: ScriptedReply, aaaa: ScriptedReply) -> ResolverScenario {
        ResolverScenario(resolvConf: resolvConf, name: realName,
                         answers: [ScriptedAnswer(candidate, "A", a), ScriptedAnswer(candidate, "AAAA", aaaa)] + realAnswers)
    }

    @Test func consistentNXDOMAINWalksTheWholeListInBoth() async throws {
        let (glibc, musl) = try await RealResolver.runBoth(Self.split(a: .nxdomain, aaaa: .nxdomain))
        for run in [glibc, musl] {
            #expect(run.sequence == Self.fullWalk, "\(run)")
            #expect(run.outcome == .addresses(Self.realAddresses), "\(run)")
        }
    }

    /// The scenario (A NXDOMAIN, AAAA NOERROR with no records): glibc was said to fail after two
    /// queries. It does not: both libcs take an empty NOERROR like NXDOMAIN here and walk on.
    @Test func emptyNoerrorBesideNXDOMAINWalksOnInBoth() async throws {
        for scenario in [Self.split(a: .nxdomain, aaaa: .nodata), Self.split(a: .nodata, aaaa: .nxdomain)] {
            let (glibc, musl) = try await RealResolver.runBoth(scenario)
            for run in [glibc, musl] {
                #expect(run.sequence == Self.fullWalk, "\(run)")
                #expect(run.outcome == .addresses(Self.realAddresses), "\(run)")
            }
        }
    }

    /// DNS4001's broken chain at the first candidate: AAAA NOERROR with only a CNAME, A NXDOMAIN. glibc takes
    /// the NOERROR answer with records as the end of the walk and fails after two queries; musl drops a
    /// candidate when either type is NXDOMAIN and walks on to the real name.
    @Test func cnameOnlyBesideNXDOMAINFailsInGlibcAndWalksOnInMusl() async throws {
        let (glibc, musl) = try await RealResolver.runBoth(Self.split(a: .nxdomain, aaaa: .records(.cname("api.example.com."))))
        #expect(glibc.sequence == Self.candidatePair, "\(glibc)")
        #expect(glibc.outcome == .failed(code: "EAI_NONAME", message: "Name or service not known"), "\(glibc)")
        #expect(musl.sequence == Self.fullWalk, "\(musl)")
        #expect(musl.outcome == .addresses(Self.realAddresses), "\(musl)")
    }

    /// Addresses under the candidate beside NXDOMAIN for the other type: glibc returns that candidate's
    /// addresses of one family; musl throws them away and walks on.
    @Test func addressesBesideNXDOMAINStopGlibcWithOneFamilyAndAreDroppedByMusl() async throws {
        let candidateA = ScriptedReply.records(.cname("api.example.com."), .a("192.0.2.99", owner: "api.example.com."))
        let (glibc, musl) = try await RealResolver.runBoth(Self.split(a: candidateA, aaaa: .nxdomain))
        #expect(glibc.sequence == Self.candidatePair, "\(glibc)")
        #expect(glibc.outcome == .addresses(["A 192.0.2.99"]), "\(glibc)")
        #expect(musl.sequence == Self.fullWalk, "\(musl)")
        #expect(musl.outcome == .addresses(Self.realAddresses), "\(musl)")
    }

    /// When the split candidate is the only name with data (a service in the pod's namespace), musl's walk
    /// ends in a failure where glibc resolves.
    @Test func muslFailsWhenTheDroppedCandidateWasTheAnswer() async throws {
        let scenario = ResolverScenario(resolvConf: Self.resolvConf, name: "db", answers: [
            ScriptedAnswer("db.ns.svc.cluster.local", "A", .records(.a("10.0.0.5"))),
            ScriptedAnswer("db.ns.svc.cluster.local", "AAAA", .nxdomain),
        ])
        let (glibc, musl) = try await RealResolver.runBoth(scenario)
        #expect(glibc.outcome == .addresses(["A 10.0.0.5"]), "\(glibc)")
        #expect(glibc.queries.count == 2, "\(glibc)")
        #expect(musl.outcome == .failed(code: "EAI_NONAME", message: "Name does not resolve"), "\(musl)")
        #expect(musl.queries.count == 8, "\(musl)")
    }

    /// On the name itself (no search list left), glibc returns the NOERROR type's addresses; musl fails.
    @Test func splitOnTheNameItselfGivesGlibcOneFamilyAndMuslNothing() async throws {
        let scenarios = [
            (ScriptedAnswer(Self.realName, "A", .nxdomain), ScriptedAnswer(Self.realName, "AAAA", .records(.aaaa("2001:db8::10"))), "AAAA 2001:db8::10"),
            (ScriptedAnswer(Self.realName, "A", .records(.a("192.0.2.10"))), ScriptedAnswer(Self.realName, "AAAA", .nxdomain), "A 192.0.2.10"),
        ]
        for (a, aaaa, kept) in scenarios {
            let scenario = ResolverScenario(resolvConf: Self.resolvConf, name: "api.example.com.", answers: [a, aaaa])
            let (glibc, musl) = try await RealResolver.runBoth(scenario)
            #expect(glibc.outcome == .addresses([kept]), "\(glibc)")
            #expect(musl.outcome == .failed(code: "EAI_NONAME", message: "Name does not resolve"), "\(musl)")
            #expect(glibc.sequence == ["api.example.com./A", "api.example.com./AAAA"] && musl.sequence == glibc.sequence)
        }
    }

    /// NOERROR without records for both types: glibc walks on, musl stops (the name exists, so it has no address).
    @Test func noDataForBothTypesStopsMuslButNotGlibc() async throws {
        let (glibc, musl) = try await RealResolver.runBoth(Self.split(a: .nodata, aaaa: .nodata))
        #expect(glibc.sequence == Self.fullWalk, "\(glibc)")
        #expect(glibc.outcome == .addresses(Self.realAddresses), "\(glibc)")
        #expect(musl.sequence == Self.candidatePair, "\(musl)")
        #expect(musl.outcome == .failed(code: "EAI_NONAME", message: "Name does not resolve"), "\(musl)")
    }

    /// SERVFAIL for one type: glibc moves on to the next candidate, musl retries and gives up (EAI_AGAIN).
    @Test func servfailOnACandidateIsSkippedByGlibcAndFatalForMusl() async throws {
        var scenario = Self.split(a: .servfail, aaaa: .nxdomain)
        scenario.resolvConf += "options timeout:1 attempts:1\n"
        let (glibc, musl) = try await RealResolver.runBoth(scenario)
        #expect(glibc.outcome == .addresses(Self.realAddresses), "\(glibc)")
        #expect(glibc.sequence.suffix(2) == ["api.example.com./A", "api.example.com./AAAA"], "\(glibc)")
        #expect(musl.outcome.failureCode == "EAI_AGAIN", "\(musl)")
        #expect(musl.queries.allSatisfy { $0.name == Self.candidate + "." }, "\(musl)")
    }
}
