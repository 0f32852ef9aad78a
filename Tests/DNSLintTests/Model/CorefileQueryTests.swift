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
        #expect(cluster.cachesAutopathAnswers(on: CoreDNSVersion(1, 11, 1)))
        #expect(!cluster.cachesAutopathAnswers(on: CoreDNSVersion(1, 14, 7)))

        let root = Self.corefile.serverBlocks[2].cache
        #expect(root?.successTTLCap == 3600 && root?.denialTTLCap == 1800)
        #expect(parseCorefile(". {\n  cache 45 example.org\n}\n").corefile.serverBlocks[0].cache?.zones == [DNSName("example.org.")])
        #expect(parseCorefile(". {\n  cache 45\n}\n").corefile.serverBlocks[0].cache?.denialTTLCap == 45)
    }

    @Test func forwardTruncation() throws {
        #expect(Self.corefile.serverBlocks[1].forwardsPassingTruncation.isEmpty)
        let root = Self.corefile.serverBlocks[2]
        let forward = try #require(root.forwards.first)
        #expect(forward.from == ".")
        #expect(forward.upstreams.map(\.kind) == [.resolvConf, .tls])
        #expect(forward.passesTruncation && forward.readsResolvConf)
        #expect(root.forwardsPassingTruncation.count == 1)
        let tlsOnly = parseCorefile(". {\n  forward . tls://1.1.1.1 dns://{$UP}\n}\n").corefile.serverBlocks[0]
        #expect(tlsOnly.forwardsPassingTruncation.isEmpty)
        let proxy = parseCorefile(". {\n  proxy . 10.0.0.1 {\n    protocol dns force_tcp\n  }\n}\n").corefile.serverBlocks[0]
        #expect(proxy.forwards.first?.forceTCP == true && proxy.forwardsPassingTruncation.isEmpty)
    }

    @Test func versions() {
        #expect(CoreDNSVersion("v1.11.1") == CoreDNSVersion(1, 11, 1))
        #expect(CoreDNSVersion("1.9") == CoreDNSVersion(1, 9, 0))
        #expect(CoreDNSVersion("1.x") == nil && CoreDNSVersion("1") == nil)
        #expect(CoreDNSVersion(1, 9, 4) < CoreDNSVersion(1, 10, 0))
        var options = LintOptions()
        #expect(CoreDNSVersion.chosen(by: options) == .latestKnown)
        options.corednsVersion = "1.8.0"
        #expect(CoreDNSVersion.chosen(by: options) == CoreDNSVersion(1, 8, 0))
        #expect(CoreDNSPlugins.isAvailable("proxy", in: CoreDNSVersion(1, 4, 0)))
        #expect(!CoreDNSPlugins.isAvailable("proxy", in: CoreDNSVersion(1, 5, 0)))
        #expect(!CoreDNSPlugins.isAvailable("view", in: CoreDNSVersion(1, 9, 3)))
        #expect(CoreDNSPlugins.isAvailable("view", in: CoreDNSVersion(1, 10, 0)))
    }
}
