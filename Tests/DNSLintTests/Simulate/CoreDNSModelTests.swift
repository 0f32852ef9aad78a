import DNSLintInputs
import DNSLintModel
import DNSLintSimulate
import Testing

/// The CoreDNS model's cache and autopath, one query at a time.
@Suite struct CoreDNSModelTests {
    static let zone = """
        $ORIGIN example.com.
        $TTL 300
        @ SOA ns hostmaster 1 7200 3600 1209600 300
        @ NS ns
        ns A 192.0.2.1
        www 60 A 192.0.2.10
        api CNAME lb
        lb 20 A 192.0.2.80

        """ + (1...40).map { "big A 192.0.2.\($0)" }.joined(separator: "\n") + "\n"

    static func server(version: CoreDNSVersion = CoreDNSVersion(1, 11, 1), autopath: Bool = true,
                       cache: CoreDNSSetup.CacheSettings? = Self.cache30) throws -> CoreDNSServer {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let path = try folder.write("example.com.zone", zone)
        let read = try InputReader.read(paths: [path], options: LintOptions())
        return CoreDNSServer(setup: CoreDNSSetup(version: version, autopath: autopath, cache: cache), upstream: Upstream(views: read.views))
    }

    static let cache30: CoreDNSSetup.CacheSettings = {
        var settings = CoreDNSSetup.CacheSettings()
        settings.successCap = 30
        settings.denialCap = 30
        return settings
    }()

    static let pod = CoreDNSServer.Client(namespace: "shop", mappedNamespace: "shop")
    static let reusedIP = CoreDNSServer.Client(namespace: "shop", mappedNamespace: "billing")

    @Test func anAnswerIsCachedForItsTTLCappedByTheCacheLine() throws {
        let server = try Self.server()
        let query = ClientQuery(name: "www.example.com.", type: .a)
        #expect(server.serve(query, from: Self.pod, at: 0).addresses.count == 1)
        _ = server.serve(query, from: Self.pod, at: 29)
        #expect(server.stored.count == 1)
        #expect(server.stored.first?.entry.expiresAt == 30)
        _ = server.serve(query, from: Self.pod, at: 30)
        #expect(server.stored.count == 2)
    }

    /// Over 512 bytes a client without EDNS gets TC, and the cache never stores a TC answer; over TCP the
    /// whole answer comes back and is cached.
    @Test func aTruncatedAnswerIsNotCachedAndTCPGetsItAll() throws {
        let server = try Self.server()
        let udp = server.serve(ClientQuery(name: "big.example.com.", type: .a), from: Self.pod, at: 0)
        #expect(udp.truncated && udp.addresses.isEmpty)
        let tcp = server.serve(ClientQuery(name: "big.example.com.", type: .a, transport: .tcp), from: Self.pod, at: 1)
        #expect(!tcp.truncated && tcp.addresses.count == 40)
        #expect(server.stored.count == 1)
    }

    /// Before 1.14.7 the answer autopath built for one pod is cached under the asked name for every pod;
    /// a pod whose IP maps elsewhere then meets it, and the reverse.
    @Test func onCoreDNS111TheAutopathAnswerIsSharedThroughTheCache() throws {
        let server = try Self.server()
        let asked = ClientQuery(name: "api.example.com.shop.svc.cluster.local.", type: .a)
        let first = server.serve(asked, from: Self.reusedIP, at: 0)
        #expect(first.rcode == .nxDomain)
        let second = server.serve(asked, from: Self.pod, at: 1)
        #expect(second.rcode == .nxDomain, "the declined pod's NXDOMAIN is served from the cache")
        let aaaa = server.serve(ClientQuery(name: asked.name, type: .aaaa), from: Self.pod, at: 2)
        #expect(aaaa.rcode == .noError && aaaa.answerCount == 2 && aaaa.addresses.isEmpty, "autopath's CNAME-only AAAA")
    }

    /// 1.14.7 runs autopath ahead of cache: each pod gets the answer for its own namespace.
    @Test func onCoreDNS1147EachPodGetsItsOwnAutopathAnswer() throws {
        let server = try Self.server(version: CoreDNSVersion(1, 14, 7))
        let asked = ClientQuery(name: "api.example.com.shop.svc.cluster.local.", type: .a)
        #expect(server.serve(asked, from: Self.reusedIP, at: 0).rcode == .nxDomain)
        let served = server.serve(asked, from: Self.pod, at: 1)
        #expect(served.rcode == .noError && served.addresses.count == 1)
    }

    @Test func serveStaleAnswersAnExpiredEntryAndRefreshesIt() throws {
        var settings = Self.cache30
        settings.serveStale = 3600
        let server = try Self.server(cache: settings)
        let query = ClientQuery(name: "www.example.com.", type: .a)
        _ = server.serve(query, from: Self.pod, at: 0)
        #expect(server.serve(query, from: Self.pod, at: 100).addresses.count == 1)
        #expect(server.stored.map(\.entry.storedAt) == [0, 100])
    }
}
