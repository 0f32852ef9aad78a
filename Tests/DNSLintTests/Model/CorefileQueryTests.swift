import Testing
@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting

@Suite struct CorefileQueryTests {
    static let corefile = parseCorefile("""
        cluster.local:53 {
            autopath @kubernetes
            kubernetes cluster.local {
                pods verified
            }
            cache 30 {
                success 9984 20 2
                denial 9984 5
            }
        }
        example.org:53 {
            forward . 192.0.2.1 {
                force_tcp
            }
        }
        .:53 {
            forward . /etc/resolv.conf tls://9.9.9.9
            cache
        }
        .:5353 {
            whoami
        }
        """).corefile

    @Test func routesPickTheLongestZonePerListener() {
        let routes = Self.corefile.routes(for: DNSName("api.default.svc.cluster.local."))
        #expect(routes.map(\.key.text) == ["cluster.local:53", ".:5353"])
        #expect(Self.corefile.serverBlocks(serving: DNSName("www.example.org."), port: 53).map(\.title) == ["example.org:53"])
        #expect(Self.corefile.serverBlocks(serving: DNSName("example.com."), port: 53).map(\.title) == [".:53"])
        #expect(Self.corefile.serverBlocks(serving: DNSName("example.com."), transport: .tls).isEmpty)
    }

    @Test func cacheSettings() throws {
        let cluster = try #require(Self.corefile.serverBlocks(serving: DNSName("a.cluster.local."), port: 53).first)
        let cache = try #require(cluster.cache)
        #expect(cache.successTTLCap == 20 && cache.successMinTTL == 2 && cache.denialTTLCap == 5)
        #expect(cache.cachedSuccessTTL(for: 300) == 20)
        #expect(cache.cachedSuccessTTL(for: 1) == 2)
        #expect(cache.applies(to: DNSName("x.cluster.local.")) && !cache.applies(to: DNSName("example.org.")))
        #expect(cluster.hasAutopath)
        #expect(cluster.cachesAutopathAnswers(on: Self.judged("1.11.1")))
        #expect(!cluster.cachesAutopathAnswers(on: Self.judged("1.14.7")))
        #expect(cluster.cachesAutopathAnswers(on: .unknown), "an unknown release is assumed to be an affected one")

        let root = Self.corefile.serverBlocks[2].cache
        #expect(root?.successTTLCap == 3600 && root?.denialTTLCap == 1800)
        #expect(parseCorefile(". {\n  cache 45 example.org\n}\n").corefile.serverBlocks[0].cache?.zones == [DNSName("example.org.")])
        #expect(parseCorefile(". {\n  cache 45\n}\n").corefile.serverBlocks[0].cache?.denialTTLCap == 45)
    }

    static func judged(_ version: String) -> JudgedCoreDNSVersion {
        JudgedCoreDNSVersion(version: CoreDNSVersion(version), source: .option(configFile: nil))
    }

    @Test func forwardTruncation() throws {
        let latest = Self.judged("1.14.7")
        #expect(Self.corefile.serverBlocks[1].forwardsPassingTruncation(on: latest).isEmpty)
        let root = Self.corefile.serverBlocks[2]
        let forward = try #require(root.forwards.first)
        #expect(forward.from == ".")
        #expect(forward.upstreams.map(\.kind) == [.resolvConf, .tls])
        #expect(forward.passesTruncation(on: latest) && forward.readsResolvConf)
        #expect(root.forwardsPassingTruncation(on: latest).count == 1)
        let tlsOnly = parseCorefile(". {\n  forward . tls://1.1.1.1 dns://{$UP}\n}\n").corefile.serverBlocks[0]
        #expect(tlsOnly.forwardsPassingTruncation(on: latest).isEmpty)
        let proxy = parseCorefile(". {\n  proxy . 10.0.0.1 {\n    protocol dns force_tcp\n  }\n}\n").corefile.serverBlocks[0]
        #expect(proxy.forwards.first?.forceTCP == true && proxy.forwardsPassingTruncation(on: latest).isEmpty)
    }

    /// prefer_udp's TCP retry works from 1.6.2 (dead code in 1.5.0–1.6.1); an unknown release gets the benefit of the doubt.
    @Test func preferUDPWorksFrom162() throws {
        let block = parseCorefile(". {\n  forward . 10.0.0.1 {\n    prefer_udp\n  }\n}\n").corefile.serverBlocks[0]
        let forward = try #require(block.forwards.first)
        #expect(forward.passesTruncation(on: Self.judged("1.6.1")))
        #expect(forward.preferUDPIsDead(on: Self.judged("1.5.0")))
        #expect(!forward.passesTruncation(on: Self.judged("1.6.2")))
        #expect(!forward.passesTruncation(on: .unknown))
    }

    /// Where TC is lost, by release: forward before 1.8.0, and plugins of the same block before their fixes.
    @Test func truncationLossByRelease() {
        let block = parseCorefile(". {\n  kubernetes cluster.local\n  rewrite stop cname exact a.example. b.example.\n  forward . 10.0.0.1\n}\n").corefile.serverBlocks[0]
        #expect(TruncationFacts.lossCauses(in: block, on: Self.judged("1.7.0")).count == 3)
        #expect(TruncationFacts.lossCauses(in: block, on: Self.judged("1.9.1")).count == 1, "only rewrite cname, before 1.12.2")
        #expect(TruncationFacts.lossCauses(in: block, on: Self.judged("1.12.2")).isEmpty)
        #expect(TruncationFacts.lossCauses(in: block, on: .unknown).count == 3)
        #expect(TruncationFacts.lastAffectedBound(in: block) == CoreDNSVersion(1, 12, 2))
        let plainRewrite = parseCorefile(". {\n  rewrite name a.example. b.example.\n  forward . 10.0.0.1\n}\n").corefile.serverBlocks[0]
        #expect(TruncationFacts.lastAffectedBound(in: plainRewrite) == CoreDNSVersion(1, 8, 0), "a name rewrite keeps TC")
    }

    @Test func versions() {
        #expect(CoreDNSVersion("v1.11.1") == CoreDNSVersion(1, 11, 1))
        #expect(CoreDNSVersion("1.9") == CoreDNSVersion(1, 9, 0))
        #expect(CoreDNSVersion("1.x") == nil && CoreDNSVersion("1") == nil)
        #expect(CoreDNSVersion(1, 9, 4) < CoreDNSVersion(1, 10, 0))
        #expect(CoreDNSPlugins.isAvailable("proxy", in: CoreDNSVersion(1, 4, 0)))
        #expect(!CoreDNSPlugins.isAvailable("proxy", in: CoreDNSVersion(1, 5, 0)))
        #expect(!CoreDNSPlugins.isAvailable("view", in: CoreDNSVersion(1, 9, 3)))
        #expect(CoreDNSPlugins.isAvailable("view", in: CoreDNSVersion(1, 10, 0)))
    }
}
