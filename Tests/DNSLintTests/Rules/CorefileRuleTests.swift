import Testing
@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting

/// Rule behaviour the examples do not pin down.
@Suite struct CorefileRuleTests {
    func lintCorefile(_ text: String, corednsVersion: String? = nil) throws -> [Finding] {
        try Lint.text(text, named: "Corefile", corednsVersion.map { ["--coredns-version", $0] } ?? [])
    }

    @Test func duplicateServerBlockRespectsBindAndReportsOverlap() throws {
        let findings = try lintCorefile("""
            .:53 {
                bind 127.0.0.1
                whoami
            }
            .:53 {
                whoami
            }
            dns://example.org example.org:53 {
                whoami
            }
            10.0.0.0/8 10.in-addr.arpa {
                whoami
            }
            """).withCode("DNS2010")
        #expect(findings.map(\.location?.line) == [5, 8, 11])
        #expect(findings[0].related.first?.location?.line == 1)
        #expect(findings[1].location?.column == 19)
    }

    @Test func secondForwardForSameZoneIsDeadSince1_10() throws {
        let text = """
            . {
                forward . 192.0.2.1 {
                    prefer_udp
                }
                forward . 192.0.2.2 {
                    prefer_udp
                }
            }
            """
        let modern = try lintCorefile(text).withCode("DNS2007")
        #expect(modern.count == 1 && modern[0].severity == .warning && modern[0].location?.line == 5)
        let old = try lintCorefile(text, corednsVersion: "1.9.0").withCode("DNS2007")
        #expect(old.count == 1 && old[0].severity == .error)
        let withExcept = text.replacingOccurrences(of: "forward . 192.0.2.1 {", with: "forward . 192.0.2.1 {\n        except example.org")
        #expect(try lintCorefile(withExcept).withCode("DNS2007").isEmpty)
    }

    @Test func onceOnlyPluginsFollowTheVersion() throws {
        let text = ". {\n    shed\n    shed\n    tsig\n    tsig\n}\n"
        #expect(try lintCorefile(text).withCode("DNS2007").count == 2)
        let before = try lintCorefile(text, corednsVersion: "1.14.6").withCode("DNS2007")
        #expect(before.count == 1 && before[0].message.contains("tsig"))
        #expect(try lintCorefile(text, corednsVersion: "1.9.3").withCode("DNS2007").isEmpty)
    }

    @Test func unknownPluginSuggestions() {
        let latest = CoreDNSVersion.latestKnown
        #expect(UnknownPlugin.suggestion(for: "kubernets", version: latest) == "kubernetes")
        #expect(UnknownPlugin.suggestion(for: "forwrad", version: latest) == "forward")
        #expect(UnknownPlugin.suggestion(for: "metrics", version: latest) == "prometheus")
        #expect(UnknownPlugin.suggestion(for: "ocp_dnsnameresolver", version: latest) == nil)
        #expect(UnknownPlugin.editDistance("cahce", "cache") == 1)
        #expect(UnknownPlugin.editDistance("", "log") == 3)
    }

    @Test func removedAndDeprecatedFollowTheVersion() throws {
        let text = ". {\n    proxy . 10.0.0.1\n    kubernetes cluster.local {\n        resyncperiod 1m\n    }\n}\n"
        let old = try lintCorefile(text, corednsVersion: "1.3.1")
        #expect(old.withCode("DNS2003").isEmpty && old.withCode("DNS2004").isEmpty)
        #expect(old.withCode("DNS2018").map { $0.arguments["removedIn"] } == [.string("1.5.0"), .string("1.7.0")], "upgrade blockers")
        let middle = try lintCorefile(text, corednsVersion: "1.6.0")
        #expect(middle.withCode("DNS2003").map(\.severity) == [.error])
        #expect(middle.withCode("DNS2004").isEmpty)
        #expect(middle.withCode("DNS2018").map { $0.message.contains("deprecated since 1.5.0") } == [true])
        let new = try lintCorefile(text, corednsVersion: "1.14.7")
        #expect(new.withCode("DNS2004").map(\.severity) == [.error])
        #expect(new.withCode("DNS2018").isEmpty)
        let unknown = try lintCorefile(text)
        #expect(unknown.withCode("DNS2003").map(\.severity) == [.error] && unknown.withCode("DNS2004").map(\.severity) == [.error])
        #expect(unknown.filter { ["DNS2003", "DNS2004"].contains($0.ruleCode) }.allSatisfy {
            $0.message.contains("CoreDNS version unknown") && $0.arguments["corednsVersionSource"] == .string("unknown")
        })
        // A line reported as removed is not reported again by another rule.
        #expect(unknown.filter { $0.location?.line == 2 }.map(\.ruleCode) == ["DNS2003"])
    }

    @Test func placeholdersAreNotJudged() throws {
        let findings = try lintCorefile("""
            __PILLAR__DNS__DOMAIN__:53 {
                bufsize {$BUFSIZE}
                forward . __PILLAR__UPSTREAM__SERVERS__
                kubernetes CLUSTER_DOMAIN {
                    ttl TTL_SECONDS
                }
                loop
            }
            """)
        #expect(findings.map(\.ruleCode) == ["DNS0008"], "a template note, not a syntax error")
        #expect(findings.first?.severity == .note)
    }

    @Test func goDurations() {
        #expect(GoDuration.seconds("1m30s") == 90)
        #expect(GoDuration.seconds("500ms") == 0.5)
        #expect(GoDuration.seconds("0") == 0)
        #expect(GoDuration.seconds("-5s") == -5)
        #expect(GoDuration.seconds("1.5h") == 5400)
        #expect(GoDuration.seconds("10") == nil)
        #expect(GoDuration.seconds("abc") == nil)
    }

    @Test func autopathWithoutKubernetesPodsModes() throws {
        let disabled = try lintCorefile(". {\n    autopath @kubernetes\n    kubernetes cluster.local\n}\n").withCode("DNS2002")
        #expect(disabled.count == 1 && disabled[0].message.contains("pods disabled"))
        let fromFile = try lintCorefile(". {\n    autopath /etc/resolv.conf\n}\n").withCode("DNS2002")
        #expect(fromFile.isEmpty)
    }
}
