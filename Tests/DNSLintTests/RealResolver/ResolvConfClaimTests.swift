import DNSLintModel
import Foundation
import Testing

/// The libc claims of the resolv.conf rules added with issue 11, run for real: DNS3012 (no nameserver line:
/// 127.0.0.1), DNS3013 (several options lines: glibc and musl merge them), DNS3015 (ndots clamped to 15),
/// DNS3016 (text after the address, such as a port, is ignored).
@Suite(.needsRealResolvers) struct ResolvConfClaimTests {
    static let both = [
        ScriptedAnswer("api.example.com", "A", .records(.a("192.0.2.10"))),
        ScriptedAnswer("api.example.com", "AAAA", .records(.aaaa("2001:db8::10"))),
    ]

    /// No nameserver line: both libcs ask 127.0.0.1, where the scripted server listens.
    @Test func withoutANameserverBothLibcsAsk127001() async throws {
        let scenario = ResolverScenario(resolvConf: "options timeout:1 attempts:1\n", name: "api.example.com.", answers: Self.both)
        let (glibc, musl) = try await RealResolver.runBoth(scenario)
        for run in [glibc, musl] {
            #expect(run.outcome.addresses.count == 2, "\(run)")
            #expect(run.queries.allSatisfy { $0.server.hasPrefix("127.0.0.1") }, "\(run)")
        }
    }

    /// `nameserver 127.0.0.1 5353`: the port is ignored, queries go to port 53.
    @Test func textAfterTheAddressIsIgnored() async throws {
        let scenario = ResolverScenario(resolvConf: "nameserver 127.0.0.1 5353\noptions timeout:1 attempts:1\n",
                                        name: "api.example.com.", answers: Self.both)
        let (glibc, musl) = try await RealResolver.runBoth(scenario)
        #expect(glibc.outcome.addresses.count == 2, "\(glibc)")
        #expect(musl.outcome.addresses.count == 2, "\(musl)")
    }

    /// `options ndots:2` then `options attempts:1` on separate lines: ndots still applies (the name with two
    /// dots is tried as written first), so both libcs merge options lines.
    @Test func severalOptionsLinesAreMerged() async throws {
        let scenario = ResolverScenario(resolvConf: "nameserver 127.0.0.1\nsearch ns.svc.cluster.local\noptions ndots:2\noptions timeout:1 attempts:1\n",
                                        name: "api.example.com", answers: Self.both)
        let (glibc, musl) = try await RealResolver.runBoth(scenario)
        for run in [glibc, musl] {
            #expect(run.sequence.first == "api.example.com./A", "\(run)")
        }
    }

    /// `ndots:99` is read as 15: a name with 15 dots is tried as written first, before the search list.
    @Test func ndotsIsClampedToFifteen() async throws {
        let name = (1...16).map { "l\($0)" }.joined(separator: ".")
        let answers = [ScriptedAnswer(name, "A", .records(.a("192.0.2.15"))), ScriptedAnswer(name, "AAAA", .nodata)]
        let scenario = ResolverScenario(resolvConf: "nameserver 127.0.0.1\nsearch ns.svc.cluster.local\noptions ndots:99 timeout:1 attempts:1\n",
                                        name: name, answers: answers)
        let (glibc, musl) = try await RealResolver.runBoth(scenario)
        for run in [glibc, musl] {
            #expect(run.sequence.first == "\(name)./A", "\(run)")
            #expect(run.outcome.addresses == ["A 192.0.2.15"], "\(run)")
        }
    }
}
