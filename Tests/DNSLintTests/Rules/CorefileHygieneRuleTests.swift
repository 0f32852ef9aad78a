import Testing
@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintRules

/// DNS2011–DNS2018 beyond their examples: the edges an SRE would try.
@Suite struct CorefileHygieneRuleTests {
    func lint(_ text: String, _ flags: [String] = ["--coredns-version", "1.14.7"]) throws -> [Finding] {
        try Lint.text(text, named: "Corefile", flags)
    }

    @Test func upstreamAddressesCompareAsCoreDNSDialsThem() {
        func address(_ text: String) -> UpstreamAddress? {
            UpstreamAddress(Corefile.Argument(text: text, location: SourceLocation(path: "Corefile", line: 1)))
        }
        #expect(address("10.0.0.1")?.text == "10.0.0.1:53")
        #expect(address("dns://10.0.0.1:53") == address("10.0.0.1"))
        #expect(address("[::1]:53") == address("::1"))
        #expect(address("0:0:0:0:0:0:0:1")?.isLoopback == true)
        #expect(address("tls://9.9.9.9")?.text == "tls://9.9.9.9:853")
        #expect(address("/etc/resolv.conf") == nil && address("UPSTREAMNAMESERVER") == nil && address("example.org") == nil)
        #expect(address("127.1.2.3")?.isLoopback == true && address("128.0.0.1")?.isLoopback == false)
    }

    @Test func loopbackForwardIsALoopOnlyWhereThisCorefileAnswersIt() throws {
        let loop = try lint(".:53 {\n    forward . 127.0.0.1 {\n        prefer_udp\n    }\n}\n").withCode("DNS2011")
        #expect(loop.map(\.severity) == [.error] && loop.first?.arguments["loop"] == .bool(true))
        let ipv6 = try lint(".:53 {\n    forward . [::1]:53 {\n        prefer_udp\n    }\n}\n").withCode("DNS2011")
        #expect(ipv6.map(\.severity) == [.error])
        let bound = try lint(".:53 {\n    bind 169.254.20.10\n    forward . 127.0.0.1 {\n        prefer_udp\n    }\n}\n").withCode("DNS2011")
        #expect(bound.map(\.severity) == [.warning], "bound elsewhere: not itself, but nothing answers there")
        let chain = try lint(".:53 {\n    forward . 127.0.0.1:5301\n}\n.:5301 {\n    forward . tls://9.9.9.9\n}\n").withCode("DNS2011")
        #expect(chain.isEmpty)
        #expect(try lint(".:53 {\n    forward . tls://127.0.0.1 {\n        tls_servername dns.example\n    }\n}\n").withCode("DNS2011").isEmpty,
                "a TLS sidecar on loopback is not CoreDNS")
    }

    @Test func duplicateUpstreamsAndZones() throws {
        let upstreams = try lint(".:53 {\n    forward . /etc/resolv.conf /etc/resolv.conf [2001:db8::1]:53 2001:db8::1 {\n        prefer_udp\n    }\n}\n")
            .withCode("DNS2012")
        #expect(upstreams.map { $0.arguments["upstream"] } == [.string("/etc/resolv.conf"), .string("[2001:db8::1]:53")])
        let zones = try lint(".:53 {\n    kubernetes cluster.local CLUSTER.LOCAL. in-addr.arpa\n    cache 30 example.org example.org\n}\n").withCode("DNS2013")
        #expect(zones.map { $0.arguments["plugin"] } == [.string("kubernetes"), .string("cache")])
        #expect(try lint(".:53 {\n    file db.example example.org example.org.\n}\n").withCode("DNS2013").count == 1, "the trailing dot does not matter")
    }

    @Test func transfersToAnyInBothSpellings() throws {
        #expect(try lint("example.org {\n    secondary {\n        transfer from 10.0.0.1\n        transfer to *\n    }\n}\n", ["--coredns-version", "1.7.0"])
                    .withCode("DNS2014").count == 1, "the old inline form, on a release that still takes it")
        let removed = try lint("example.org {\n    file db.example.org {\n        transfer to *\n    }\n}\n")
        #expect(removed.withCode("DNS2014").isEmpty && removed.withCode("DNS2004").count == 1, "reported as removed, not again")
    }

    @Test func missingArgumentsOnlyWhereTheyAreNeeded() throws {
        #expect(try lint(".:53 {\n    autopath\n    cache 30 {\n        success\n    }\n    health {\n        lameduck\n    }\n}\n")
                    .withCode("DNS2015").compactMap { $0.arguments["option"] } == [.string("autopath"), .string("success"), .string("lameduck")])
        #expect(try lint(".:53 {\n    forward . UPSTREAM_SERVERS {\n        policy POLICY_NAME\n    }\n}\n").withCode("DNS2015").isEmpty,
                "placeholders may stand for the arguments")
    }

    @Test func rewriteGrammar() {
        let rule = RewriteFieldCount()
        #expect(rule.problem(in: ["type", "ANY", "HINFO"]) == nil)
        #expect(rule.problem(in: ["stop", "name", "suffix", ".a.", ".b.", "answer", "auto"]) == nil)
        #expect(rule.problem(in: ["name", "a.", "b.", "answer", "name", "b.", "a.", "answer", "value", "x", "y"]) == nil)
        #expect(rule.problem(in: ["edns0", "local", "unset", "0xffee"]) == nil)
        #expect(rule.problem(in: ["edns0", "nsid", "set"]) == nil)
        #expect(rule.problem(in: ["ANY", "HINFO"])?.field == "ANY")
        #expect(rule.problem(in: ["type", "ANY"]) != nil)
        #expect(rule.problem(in: ["name", "exact", "a."]) != nil)
        #expect(rule.problem(in: ["name", "a.", "b.", "answer"]) != nil)
        #expect(rule.problem(in: ["edns0", "local", "set", "0xffee"]) != nil)
        #expect(rule.problem(in: ["continue"])?.field == "")
    }

    @Test func logStdoutFollowsTheRelease() throws {
        let text = ".:53 {\n    log stdout\n}\n"
        #expect(try lint(text).withCode("DNS2017").count == 1)
        let old = try lint(text, ["--coredns-version", "0.9.10"])
        #expect(old.withCode("DNS2017").isEmpty && old.withCode("DNS2018").count == 1)
        let unknown = try lint(text, []).withCode("DNS2017")
        #expect(unknown.first?.arguments["assumption"] != nil)
    }

    @Test func upgradeBlockersNeedAKnownRelease() throws {
        let text = ".:53 {\n    kubernetes cluster.local {\n        resyncperiod 30s\n    }\n    federation cluster.local {\n        prod prod.example.org\n    }\n}\n"
        let known = try lint(text, ["--coredns-version", "1.4.0"]).withCode("DNS2018")
        #expect(known.map { $0.arguments["removedIn"] } == [.string("1.7.0"), .string("1.7.0")])
        #expect(try lint(text, []).withCode("DNS2018").isEmpty, "unknown: DNS2003/DNS2004 report them as removed instead")
        #expect(try lint(text, ["--coredns-version", "1.7.0"]).withCode("DNS2018").isEmpty)
    }
}
