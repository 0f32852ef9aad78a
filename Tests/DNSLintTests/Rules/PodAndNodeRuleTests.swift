@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintRules
import Testing

/// The resolv.conf and pod rules of issue 11: when they fire, when they stay quiet, and where they point.
@Suite struct PodAndNodeRuleTests {
    func findings(_ files: [TextFile], _ arguments: [String] = []) throws -> [Finding] {
        try Lint.files(files, arguments)
    }

    func resolvConf(_ text: String, named name: String = "resolv.conf", _ arguments: [String] = []) throws -> [Finding] {
        try findings([TextFile(name, text)], arguments)
    }

    // MARK: DNS3002

    @Test func parallelQueriesSkipLoopbackStubs() throws {
        for server in ["127.0.0.53", "127.0.0.1", "::1"] {
            #expect(try resolvConf("nameserver \(server)\n").withCode("DNS3002").isEmpty, "\(server)")
        }
        #expect(try resolvConf("search example.com\n").withCode("DNS3002").isEmpty, "no server: glibc asks 127.0.0.1")
        #expect(try resolvConf("nameserver 127.0.0.53\nnameserver 192.0.2.1\n").withCode("DNS3002").map(\.location?.line) == [2],
                "the server behind NAT decides, and the finding points at it")
    }

    @Test func parallelQueriesSeverityFollowsTheServer() throws {
        let pod = "search default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:2\n"
        #expect(try resolvConf("nameserver 10.96.0.10\n" + pod).withCode("DNS3002").map(\.severity) == [.warning])
        #expect(try resolvConf("nameserver 169.254.20.10\n" + pod).withCode("DNS3002").map(\.severity) == [.note],
                "NodeLocal DNSCache is link-local, with no DNAT")
        #expect(try resolvConf("nameserver 10.96.0.10\nsearch corp.example.com\n").withCode("DNS3002").map(\.severity) == [.note])
        #expect(try resolvConf("nameserver 10.96.0.10\noptions ndots:2\n").withCode("DNS3002").map(\.location?.line) == [2],
                "the options line that lacks the fix")
    }

    @Test func dnsPolicyNoneWithTheServiceAddressIsAWarningLikeClusterFirst() throws {
        let pod = ManifestBuilder.pod("p", .init(dnsPolicy: "None", dnsConfig: .init(nameservers: ["10.96.0.10"]), containers: [])).yaml
        let service = ManifestBuilder.clusterDNSService(clusterIP: "10.96.0.10").yaml
        #expect(try findings([TextFile("pod.yaml", pod)]).withCode("DNS3002").map(\.severity) == [.note])
        #expect(try findings([TextFile("pod.yaml", pod), TextFile("dns.yaml", service)]).withCode("DNS3002").map(\.severity) == [.warning])
    }

    // MARK: DNS3001

    @Test func ndotsAmplificationStartsWhereApiGithubComIsSearchedFirst() throws {
        let base = "nameserver 127.0.0.1\nsearch default.svc.cluster.local svc.cluster.local\n"
        #expect(try resolvConf(base + "options ndots:1\n").withCode("DNS3001").isEmpty)
        #expect(try resolvConf(base + "options ndots:2\n").withCode("DNS3001").isEmpty)
        let three = try resolvConf(base + "options ndots:3\n").withCode("DNS3001")
        #expect(three.count == 1)
        #expect(three.first?.arguments["exampleName"] == .string("api.github.com"))
    }

    // MARK: DNS3011

    @Test func hostNetworkNeedsClusterFirstWithHostNet() throws {
        func text(_ policy: String?) -> String {
            ManifestBuilder.pod("p", .init(hostNetwork: true, dnsPolicy: policy, containers: [])).yaml
        }
        func pod(_ policy: String?) throws -> [Finding] {
            try findings([TextFile("pod.yaml", text(policy))]).withCode("DNS3011")
        }
        #expect(try pod(nil).map(\.location?.line) == [text(nil).line(containing: "hostNetwork:")], "no dnsPolicy: at hostNetwork")
        #expect(try pod("ClusterFirst").map(\.location?.line) == [text("ClusterFirst").line(containing: "dnsPolicy:")], "at the dnsPolicy to change")
        #expect(try pod("ClusterFirstWithHostNet").isEmpty)
        #expect(try pod("Default").isEmpty)
    }

    // MARK: DNS3012 - DNS3016

    @Test func noNameserverCountsOnlyUsableLines() throws {
        #expect(try resolvConf("search example.com\n").withCode("DNS3012").count == 1)
        #expect(try resolvConf("nameserver dns.example.com\n").withCode("DNS3012").count == 1)
        #expect(try resolvConf("nameserver 192.0.2.1\n").withCode("DNS3012").isEmpty)
        #expect(try resolvConf("nameserver 127.0.0.1\n").withCode("DNS3012").isEmpty, "127.0.0.1 said out loud is a choice")
    }

    @Test func optionsLinesMultipleMarksAllButTheLast() throws {
        let found = try resolvConf("nameserver 127.0.0.1\noptions a:1\noptions timeout:2\noptions attempts:2\n").withCode("DNS3013")
        #expect(found.map(\.location?.line) == [2, 3])
        #expect(try resolvConf("nameserver 127.0.0.1\noptions timeout:2 attempts:2\n").withCode("DNS3013").isEmpty)
    }

    @Test func obsoleteOptionsAreNotAlsoUnknown() throws {
        let found = try resolvConf("nameserver 127.0.0.1\noptions inet6 ip6-dotint no-ip6-dotint ip6-bytestring\n")
        #expect(found.withCode("DNS3014").count == 4)
        #expect(found.withCode("DNS3006").isEmpty)
    }

    @Test func clampsFollowTheLibc() throws {
        func clamped(_ options: String, _ arguments: [String] = []) throws -> Int {
            try resolvConf("nameserver 127.0.0.1\noptions \(options)\n", arguments).withCode("DNS3015").count
        }
        #expect(try clamped("timeout:30 attempts:5 ndots:15") == 0)
        #expect(try clamped("timeout:31") == 1)
        #expect(try clamped("attempts:6") == 1)
        #expect(try clamped("ndots:16") == 1)
        #expect(try clamped("timeout:60 attempts:10", ["--libc", "musl"]) == 0)
        #expect(try clamped("timeout:61 attempts:11", ["--libc", "musl"]) == 2)
        #expect(try clamped("timeout:1 timeout:99") == 1, "the value that takes effect")
        #expect(try clamped("timeout:99 timeout:1") == 0, "an overridden value does nothing")
    }

    @Test func trailingTextButNotComments() throws {
        #expect(try resolvConf("nameserver 192.0.2.1 5353\noptions single-request\n").withCode("DNS3016").map(\.location?.column) == [22])
        #expect(try resolvConf("nameserver 192.0.2.1 # office\noptions single-request\n").withCode("DNS3016").isEmpty)
        #expect(try resolvConf("nameserver 192.0.2.1:5353 x\n").withCode("DNS3016").isEmpty, "an unreadable address is DNS0003's")
    }

    // MARK: DNS3017, DNS4004

    static let corefile = ".:53 {\n    forward . /etc/resolv.conf {\n        prefer_udp\n    }\n    loop\n}\n"
    static let stub = "nameserver 127.0.0.53\noptions edns0 trust-ad\n"
    static func kubelet(_ path: String) -> TextFile {
        TextFile("kubelet.yaml", ManifestBuilder.kubeletConfiguration(resolvConf: path).yaml)
    }

    @Test func forwardLoopNeedsCorefileAndLoopbackNodeFile() throws {
        let loop = try findings([TextFile("Corefile", Self.corefile), TextFile("node-1/etc/resolv.conf", Self.stub)])
        #expect(loop.withCode("DNS4004").map(\.location?.line) == [2])
        #expect(loop.withCode("DNS4004").first?.severity == .error)
        #expect(loop.withCode("DNS3017").count == 1)
        #expect(try findings([TextFile("Corefile", Self.corefile)]).withCode("DNS4004").isEmpty)
        #expect(try findings([TextFile("Corefile", Self.corefile), TextFile("laptop/resolv.conf", Self.stub)]).withCode("DNS4004").isEmpty,
                "nothing says the file is the node's")
        let otherPort = try findings([TextFile("Corefile", Self.corefile.replacingOccurrences(of: ".:53", with: ".:1053")),
                                      TextFile("node-1/etc/resolv.conf", Self.stub)]).withCode("DNS4004")
        #expect(otherPort.first?.message.contains("nothing answers there (CoreDNS itself listens on port 1053)") == true)
        #expect(loop.withCode("DNS4004").first?.message.contains("the loop plugin detects it") == true)
        let explicit = Self.corefile.replacingOccurrences(of: "/etc/resolv.conf", with: "10.0.0.2")
        #expect(try findings([TextFile("Corefile", explicit), TextFile("node-1/etc/resolv.conf", Self.stub)]).withCode("DNS4004").isEmpty)
    }

    @Test func theKubeletsResolvConfIsWhatCoreDNSReads() throws {
        let files = [TextFile("Corefile", Self.corefile), TextFile("node/etc/resolv.conf", Self.stub),
                     TextFile("node/run/systemd/resolve/resolv.conf", "nameserver 10.0.0.2\noptions single-request-reopen\n")]
        let fixed = try findings(files + [Self.kubelet("/run/systemd/resolve/resolv.conf")])
        #expect(fixed.withCode("DNS4004").isEmpty)
        #expect(fixed.withCode("DNS3017").isEmpty, "the node's own /etc/resolv.conf is not handed to pods")
        let broken = try findings(files + [Self.kubelet("/etc/resolv.conf")])
        #expect(broken.withCode("DNS4004").count == 1)
        #expect(broken.withCode("DNS3017").map(\.location?.path).allSatisfy { $0?.hasSuffix("node/etc/resolv.conf") == true })
    }

    @Test func anotherFileMountedIntoCoreDNSIsMatchedAsWritten() throws {
        let corefile = Self.corefile.replacingOccurrences(of: "/etc/resolv.conf", with: "upstream.conf")
        let found = try findings([TextFile("Corefile", corefile), TextFile("upstream.conf", Self.stub)])
        #expect(found.withCode("DNS4004").count == 1)
        #expect(found.withCode("DNS3017").isEmpty, "a file mounted into CoreDNS is not the node's")
    }

    @Test func aPodsResolvConfIsNeverANodes() throws {
        let pod = "nameserver 127.0.0.1\nsearch default.svc.cluster.local svc.cluster.local cluster.local\n"
        #expect(try resolvConf(pod, named: "node.resolv.conf").withCode("DNS3017").isEmpty)
        #expect(try resolvConf(Self.stub, named: "node.resolv.conf").withCode("DNS3017").count == 1)
    }

    // MARK: DNS4005

    static let zone = """
        $ORIGIN corp.example.com.
        $TTL 300
        @   IN SOA ns1 hostmaster 1 7200 3600 1209600 300
        @   IN NS  ns1
        ns1 IN A   192.0.2.1

        """

    func wildcard(_ records: String, search: String = "corp.example.com", ndots: Int = 1) throws -> [Finding] {
        try findings([TextFile("corp.example.com.zone", Self.zone + records),
                      TextFile("resolv.conf", "nameserver 127.0.0.1\nsearch \(search)\noptions ndots:\(ndots)\n")]).withCode("DNS4005")
    }

    @Test func searchDomainUnderAWildcard() throws {
        #expect(try wildcard("*   IN A 192.0.2.80\n").map(\.location?.line) == [2])
        #expect(try wildcard("*   IN CNAME lb.example.net.\n").count == 1, "a wildcard CNAME leads elsewhere")
        #expect(try wildcard("*   IN A 192.0.2.80\n", search: "dev.corp.example.com").count == 1, "the wildcard covers names below")
        #expect(try wildcard("*.apps IN A 192.0.2.80\n").isEmpty, "a sibling's wildcard")
        #expect(try wildcard("*   IN TXT \"v=spf1 -all\"\n").isEmpty, "no address: NODATA, the search goes on")
        #expect(try wildcard("*   IN A 192.0.2.80\n", search: "other.example.org").isEmpty, "not in the zone")
        let five = try wildcard("*   IN A 192.0.2.80\n", ndots: 5)
        #expect(five.first?.message.contains("api.github.com.corp.example.com. before it is tried as written") == true)
    }
}
