import Foundation
import LDNS
import Testing
@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting

/// Each combined rule fires only when every part of its combination is there.
@Suite struct CombinedRuleTests {
    static let incidentCorefile = AutopathCacheSplitAnswer.corefile

    func count(_ code: String, _ files: [TextFile], _ arguments: [String] = []) throws -> Int {
        try Lint.files(files, arguments).withCode(code).count
    }

    // MARK: DNS4001

    func splitAnswer(corefile: String = incidentCorefile, zone: String = AutopathCacheSplitAnswer.zone(lbTTL: 10),
                     _ arguments: [String] = ["--coredns-version", "1.11.1"]) throws -> Int {
        try count("DNS4001", [TextFile("Corefile", corefile), TextFile("example.com.zone", zone)], arguments)
    }

    @Test func splitAnswerNeedsAllThreeParts() throws {
        #expect(try splitAnswer() == 1)
        #expect(try splitAnswer(corefile: Self.incidentCorefile.replacingOccurrences(of: "    autopath @kubernetes\n", with: "")) == 0)
        #expect(try splitAnswer(corefile: Self.incidentCorefile.replacingOccurrences(of: "    cache 30\n", with: "")) == 0)
        #expect(try splitAnswer(zone: AutopathCacheSplitAnswer.zone(lbTTL: 10, lbHasAAAA: true)) == 0, "no broken AAAA")
        #expect(try splitAnswer(zone: AutopathCacheSplitAnswer.zone(lbTTL: 300)) == 0, "equal TTLs")
        #expect(try splitAnswer(zone: AutopathCacheSplitAnswer.zone(lbTTL: 45)) == 0, "both above the cache cap")
        #expect(try count("DNS4001", [TextFile("Corefile", Self.incidentCorefile)], ["--coredns-version", "1.11.1"]) == 0, "no DNS data")
    }

    @Test func splitAnswerFollowsTheCoreDNSVersion() throws {
        #expect(try splitAnswer(["--coredns-version", "1.14.6"]) == 1)
        #expect(try splitAnswer(["--coredns-version", "1.14.7"]) == 0)
        #expect(try splitAnswer(["--coredns-version", "1.15.0"]) == 0)
        #expect(try splitAnswer([]) == 1, "with no version anywhere the release is assumed to be an affected one")
    }

    func deployment(_ image: String) -> TextFile {
        TextFile("coredns-deployment.yaml", ManifestBuilder.deployment(
            "coredns", namespace: "kube-system", .init(dnsPolicy: "Default", containers: [.init("coredns", image: image)])).yaml)
    }

    @Test func versionComesFromTheFlagThenTheImageThenTheLatest() throws {
        let base = [TextFile("Corefile", Self.incidentCorefile), TextFile("example.com.zone", AutopathCacheSplitAnswer.zone(lbTTL: 10))]
        #expect(try count("DNS4001", base + [deployment("coredns/coredns:1.11.1")]) == 1)
        #expect(try count("DNS4001", base + [deployment("registry.k8s.io/coredns/coredns:v1.14.7")]) == 0)
        #expect(try count("DNS4001", base + [deployment("registry.k8s.io/coredns/coredns:v1.14.7")], ["--coredns-version", "1.11.1"]) == 1)
        #expect(try count("DNS4001", base + [deployment("coredns/coredns:1.11.1")], ["--coredns-version", "1.14.7"]) == 0)
        #expect(try count("DNS4001", base + [deployment("nginx:1.11.1")]) == 1, "not a CoreDNS image: the release is unknown, assumed affected")
        // The Corefile rules use the same choice.
        #expect(try count("DNS2001", [TextFile("Corefile", Self.incidentCorefile), deployment("coredns/coredns:1.10.1")]) == 1)
        let unknown = try Lint.files([TextFile("Corefile", Self.incidentCorefile)]).withCode("DNS2001")
        #expect(unknown.count == 1, "with no version anywhere the release is assumed to be an affected one")
        #expect(unknown.first?.message.contains("CoreDNS version unknown: this applies before 1.14.7") == true)
        #expect(unknown.first?.arguments["corednsVersionSource"] == .string("unknown"))
    }

    @Test func imageReferencesGiveTheirVersion() {
        #expect(CoreDNSImage.version(ofImage: "coredns/coredns:1.11.1") == CoreDNSVersion(1, 11, 1))
        #expect(CoreDNSImage.version(ofImage: "registry.k8s.io/coredns/coredns:v1.11.3") == CoreDNSVersion(1, 11, 3))
        #expect(CoreDNSImage.version(ofImage: "k8s.gcr.io/coredns:1.6.7") == CoreDNSVersion(1, 6, 7))
        #expect(CoreDNSImage.version(ofImage: "602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/coredns:v1.11.1-eksbuild.4") == CoreDNSVersion(1, 11, 1))
        #expect(CoreDNSImage.version(ofImage: "mirror.local:5000/coredns/coredns:1.12.0@sha256:abcd") == CoreDNSVersion(1, 12, 0))
        #expect(CoreDNSImage.version(ofImage: "mirror.local:5000/coredns/coredns") == nil)
        #expect(CoreDNSImage.version(ofImage: "coredns/coredns:latest") == nil)
        #expect(CoreDNSImage.version(ofImage: "coredns/coredns-operator:1.2.3") == nil)
        #expect(CoreDNSImage.version(ofImage: "coredns/coredns@sha256:abcd") == nil)
        #expect(CoreDNSImage.version(ofImage: "rancher/mirrored-coredns-coredns:1.10.1") == CoreDNSVersion(1, 10, 1))
        #expect(CoreDNSImage.version(ofImage: "rancher/coredns-coredns:1.8.3") == CoreDNSVersion(1, 8, 3))
        var options = LintOptions()
        let images = ["1.12.0", "1.10.1"].map {
            CoreDNSImage(path: "x.yaml", workload: "Deployment a/b", image: "coredns/coredns:\($0)", version: CoreDNSVersion($0)!,
                         location: SourceLocation(path: "x.yaml", line: 1), namespace: "a")
        }
        let corefile = Corefile(path: "x.yaml", serverBlocks: [], isEmbedded: true, namespace: "a")
        let judge = { (images: [CoreDNSImage]) in
            CoreDNSVersionScope.judge(corefile, options: options, images: images, corefilePaths: ["x.yaml"])
        }
        #expect(judge(images).version == CoreDNSVersion(1, 10, 1), "the oldest during a rollout")
        #expect(judge(images.reversed()).version == CoreDNSVersion(1, 10, 1), "whatever the order")
        #expect(judge([]) == .unknown)
        options.corednsVersion = "1.12.3"
        #expect(judge(images).version == CoreDNSVersion(1, 12, 3))
        #expect(judge(images).sourceKind == "flag")
        options.corednsVersionConfigFile = ".dnslint.yml"
        #expect(judge(images).sourceKind == "config")
    }

    @Test func splitAnswerOnlyForNamesTheBlockServesAndCaches() throws {
        let clusterOnly = Self.incidentCorefile.replacingOccurrences(of: ".:53 {", with: "cluster.local:53 {")
        #expect(try splitAnswer(corefile: clusterOnly) == 0, "example.com is not served by the autopath block")
        let otherBlock = Self.incidentCorefile + "\nexample.com:53 {\n    file /etc/coredns/example.com.zone\n}\n"
        #expect(try splitAnswer(corefile: otherBlock) == 0, "example.com has its own block without autopath")
        let cacheElsewhere = Self.incidentCorefile.replacingOccurrences(of: "cache 30", with: "cache 30 cluster.local")
        #expect(try splitAnswer(corefile: cacheElsewhere) == 0, "the cache does not apply to example.com")
        let subzone = Self.incidentCorefile + "\nlb.example.com:53 {\n    forward . 192.0.2.53\n}\n"
        #expect(try splitAnswer(corefile: subzone) == 1, "a key below the apex routes per name")
    }

    /// A view with no zone origin (as the live prober's will be) that counts the lookups it answers.
    final class CountingView: DNSView, @unchecked Sendable {
        let index: ZoneIndex
        private let lock = NSLock()
        private var asked = 0
        init(_ index: ZoneIndex) { self.index = index }
        var label: String { "live stand-in" }
        var zone: (any ZoneContents)? { nil }
        var subjectCount: Int { index.subjectCount }
        func subject(at position: Int) -> AuditSubject { index.subject(at: position) }
        func answer(_ name: DNSName, _ type: RRType) -> DNSAnswer {
            lock.lock()
            asked += 1
            lock.unlock()
            return index.answer(name, type)
        }
        var lookups: Int { lock.lock(); defer { lock.unlock() }; return asked }
    }

    func context(corefile: String?, zone: String, version: String = "1.11.1") throws -> (LintContext, CountingView) {
        let folder = ScratchFolder()
        defer { folder.remove() }
        var paths = [try folder.write("example.com.zone", zone)]
        if let corefile { paths.append(try folder.write("Corefile", corefile)) }
        var options = LintOptions()
        options.corednsVersion = version
        let collected = try InputReader.read(paths: paths, options: options)
        let index = try #require(collected.views.first as? ZoneIndex)
        let view = CountingView(index)
        return (LintContext(options: options, inputs: collected.inputs, views: [view]), view)
    }

    @Test func splitAnswerWorksThroughAViewWithoutAZone() throws {
        let (context, view) = try context(corefile: Self.incidentCorefile, zone: AutopathCacheSplitAnswer.zone(lbTTL: 10))
        let findings = Linter.evaluate(context, rules: [AutopathCacheSplitAnswer()])
        #expect(findings.map(\.subject?.name) == ["api.example.com."])
        #expect(view.lookups > 0)
    }

    /// The combined data rules run in the engine's one name pass; when nothing in the run can trigger
    /// them they drop out before it, so on their own they resolve nothing.
    @Test func nothingIsResolvedWhenNoCorefileCanTriggerThem() throws {
        let combined: [any Rule] = [AutopathCacheSplitAnswer(), TruncationReachesClient(), ForwardPassesTruncation()]
        let withoutForward = Self.incidentCorefile.replacingOccurrences(of: "    forward . /etc/resolv.conf {\n        prefer_udp\n    }\n", with: "")
        let plain = withoutForward.replacingOccurrences(of: "    autopath @kubernetes\n", with: "")
        for (corefile, version) in [(nil, "1.11.1"), (plain, "1.11.1"), (withoutForward, "1.14.7")] {
            let (context, view) = try context(corefile: corefile, zone: AutopathCacheSplitAnswer.zone(lbTTL: 10), version: version)
            #expect(Linter.evaluate(context, rules: combined).isEmpty)
            #expect(view.lookups == 0, "\(corefile ?? "no Corefile") on \(version)")
        }
        let (served, _) = try context(corefile: withoutForward.replacingOccurrences(of: ".:53 {", with: "cluster.local:53 {"),
                                      zone: AutopathCacheSplitAnswer.zone(lbTTL: 10))
        #expect(Linter.evaluate(served, rules: combined).isEmpty, "example.com is not served by the autopath block")
    }

    // MARK: DNS4002

    func truncation(_ corefile: String, zone: String = TruncationReachesClient.zone, _ flags: [String] = ["--coredns-version", "1.14.7"]) throws -> Int {
        try count("DNS4002", [TextFile("Corefile", corefile), TextFile("cache.internal.zone", zone)], flags)
    }

    /// The severities of the DNS4002 findings, one per oversized answer (the name and its CNAME target here).
    func truncationSeverities(_ corefile: String, _ files: [TextFile] = [], _ flags: [String]) throws -> [Severity] {
        try Lint.files([TextFile("Corefile", corefile), TextFile("cache.internal.zone", TruncationReachesClient.zone)] + files, flags)
            .withCode("DNS4002").map(\.severity)
    }

    @Test func truncationNeedsAForwardAndABigAnswer() throws {
        #expect(try truncation(TruncationReachesClient.corefile()) == 2)
        #expect(try truncation(TruncationReachesClient.corefile(forwardOptions: "prefer_udp")) == 2, "the server still truncates for clients without EDNS")
        #expect(try truncation(".:53 {\n    whoami\n}\n") == 0, "no forward")
        let small = TruncationReachesClient.zone.split(separator: "\n").prefix(10).joined(separator: "\n")
        #expect(try truncation(TruncationReachesClient.corefile(), zone: small) == 0, "the answer fits")
        #expect(try count("DNS4002", [TextFile("cache.internal.zone", TruncationReachesClient.zone)]) == 0, "no Corefile")
        #expect(try truncation("tls://.:853 {\n    forward . 192.0.2.53\n}\n") == 0, "TLS clients never see 512-byte truncation")
    }

    /// A warning where a TCP retry gets the whole answer; an error where TC can be lost on the way (by release)
    /// and the forward passes the upstream's truncated answer on, or where the clients never retry over TCP.
    @Test func truncationSeverityFollowsWhatReachesTheClient() throws {
        let passing = TruncationReachesClient.corefile()
        #expect(try truncationSeverities(passing, [], ["--coredns-version", "1.14.7"]) == [.warning, .warning])
        #expect(try truncationSeverities(passing, [], ["--coredns-version", "1.7.1"]) == [.error, .error], "forward before 1.8.0 clears TC")
        #expect(try truncationSeverities(passing, [], []) == [.error, .error], "unknown: assumed an affected release")
        #expect(try truncationSeverities(passing, [], ["--coredns-version", "1.14.7", "--libc", "musl"]) == [.error, .error])
        for options in ["prefer_udp", "force_tcp"] {
            let retrying = TruncationReachesClient.corefile(forwardOptions: options)
            #expect(try truncationSeverities(retrying, [], ["--coredns-version", "1.7.1"]) == [.warning, .warning], "\(options)")
            #expect(try truncationSeverities(retrying, [], ["--coredns-version", "1.14.7", "--libc", "musl"]) == [.warning, .warning], "\(options)")
        }
        let deadRetry = TruncationReachesClient.corefile(forwardOptions: "prefer_udp")
        #expect(try truncationSeverities(deadRetry, [], ["--coredns-version", "1.6.1"]) == [.error, .error], "prefer_udp's retry was dead code before 1.6.2")
        let unknown = try Lint.files([TextFile("Corefile", passing), TextFile("cache.internal.zone", TruncationReachesClient.zone)]).withCode("DNS4002")
        #expect(unknown.allSatisfy { $0.message.contains("CoreDNS version unknown") && $0.arguments["assumption"] != nil })
    }

    /// Clients without TCP fallback come from the workloads' images: musl 1.2.3 (Alpine 3.17) has none, 1.2.4 does.
    @Test func truncationIsAnErrorForMuslClientsWithoutTCPFallback() throws {
        func app(_ image: String) -> TextFile {
            TextFile("app.yaml", ManifestBuilder.deployment("web", namespace: "shop", .running(image, name: "web")).yaml)
        }
        let passing = TruncationReachesClient.corefile()
        #expect(try truncationSeverities(passing, [app("alpine:3.17")], ["--coredns-version", "1.14.7"]) == [.error, .error])
        #expect(try truncationSeverities(passing, [app("alpine:3.19")], ["--coredns-version", "1.14.7"]) == [.warning, .warning])
        #expect(try truncationSeverities(passing, [app("debian:12")], ["--coredns-version", "1.14.7"]) == [.warning, .warning])
        let forward = try Lint.files([TextFile("Corefile", passing), app("alpine:3.17")], ["--coredns-version", "1.14.7"]).withCode("DNS2005")
        #expect(forward.map(\.severity) == [.warning], "DNS2005 is raised for clients without TCP fallback")
    }

    /// An ExternalName service hands its target's answer to pods; kubernetes dropped TC on it before 1.9.1.
    @Test func truncationFollowsExternalNameServices() throws {
        let corefile = ".:53 {\n    kubernetes cluster.local\n    forward . 192.0.2.53 {\n        prefer_udp\n    }\n}\n"
        let service = TextFile("service.yaml", ManifestBuilder.externalName(
            "sessions", namespace: "shop", target: "sessions-cluster.use1.cache.internal").yaml)
        let findings = try Lint.files([TextFile("Corefile", corefile), TextFile("cache.internal.zone", TruncationReachesClient.zone), service],
                                      ["--coredns-version", "1.9.0"]).withCode("DNS4002")
        let target = try #require(findings.first { $0.subject?.name == "sessions-cluster.use1.cache.internal." })
        #expect(target.arguments["via"] == .string("externalName"))
        #expect(target.related.contains { $0.location?.path.hasSuffix("service.yaml") == true })
        #expect(target.severity == .warning, "prefer_udp hands kubernetes the whole answer")
        let passing = corefile.replacingOccurrences(of: " {\n        prefer_udp\n    }", with: "")
        let lost = try Lint.files([TextFile("Corefile", passing), TextFile("cache.internal.zone", TruncationReachesClient.zone), service],
                                  ["--coredns-version", "1.9.0"]).withCode("DNS4002")
        #expect(lost.first { $0.subject?.name == "sessions-cluster.use1.cache.internal." }?.severity == .error)
        let fixed = try Lint.files([TextFile("Corefile", passing), TextFile("cache.internal.zone", TruncationReachesClient.zone), service],
                                   ["--coredns-version", "1.9.1"]).withCode("DNS4002")
        #expect(fixed.map(\.severity) == [.warning, .warning])
    }

    @Test func truncationFollowsRewriteAndTemplate() throws {
        let target = "sessions-cluster.use1.cache.internal."
        let rewrite = ".:53 {\n    rewrite stop cname exact cache.example.org. \(target)\n    forward . 192.0.2.53\n}\n"
        let viaRewrite = try Lint.files([TextFile("Corefile", rewrite), TextFile("cache.internal.zone", TruncationReachesClient.zone)],
                                        ["--coredns-version", "1.12.1"]).withCode("DNS4002")
        let finding = try #require(viaRewrite.first { $0.subject?.name == target })
        #expect(finding.arguments["via"] == .string("rewrite") && finding.severity == .error)
        let template = ".:53 {\n    template IN A example.org {\n        answer \"{{ .Name }} 60 IN CNAME \(target)\"\n        upstream\n    }\n    forward . 192.0.2.53\n}\n"
        let viaTemplate = try Lint.files([TextFile("Corefile", template), TextFile("cache.internal.zone", TruncationReachesClient.zone)],
                                         ["--coredns-version", "1.8.7"]).withCode("DNS4002")
        #expect(viaTemplate.first { $0.subject?.name == target }?.arguments["via"] == .string("template"))
    }

    @Test func truncationFollowsForwardRouting() throws {
        #expect(try truncation(".:53 {\n    forward example.org 192.0.2.53\n}\n") == 0, "FROM does not cover the zone")
        #expect(try truncation(".:53 {\n    forward cache.internal 192.0.2.53\n}\n") == 2)
        #expect(try truncation(".:53 {\n    forward . 192.0.2.53 {\n        except cache.internal\n    }\n}\n") == 0)
        #expect(try truncation(".:53 {\n    file /etc/coredns/cache.internal.zone cache.internal\n    forward . 192.0.2.53\n}\n") == 0,
                "file answers before forward")
        let split = ".:53 {\n    forward . 192.0.2.53\n}\ncache.internal:53 {\n    forward . 192.0.2.54 {\n        prefer_udp\n    }\n}\n"
        let findings = try Lint.files([TextFile("Corefile", split), TextFile("cache.internal.zone", TruncationReachesClient.zone)], []).withCode("DNS4002")
        #expect(findings.map(\.arguments["forward"]) == [.string("forward . 192.0.2.54"), .string("forward . 192.0.2.54")],
                "the zone's own block, the most specific")
        #expect(findings.allSatisfy { $0.severity == .warning }, "that block retries over TCP")
    }

    /// The most specific server block zone wins whatever order the blocks or the files come in.
    @Test func routingDoesNotDependOnOrder() throws {
        let general = ".:53 {\n    forward . 192.0.2.53\n}\n"
        let specific = "cache.internal:53 {\n    forward . 192.0.2.54 {\n        prefer_udp\n    }\n}\n"
        for corefile in [general + specific, specific + general] {
            let findings = try Lint.files([TextFile("Corefile", corefile), TextFile("cache.internal.zone", TruncationReachesClient.zone)],
                                          ["--coredns-version", "1.7.1"]).withCode("DNS4002")
            #expect(findings.map(\.severity) == [.warning, .warning])
            #expect(findings.allSatisfy { $0.arguments["serverBlock"] == .string("cache.internal:53") })
        }
    }

    // MARK: DNS4003

    @Test func searchMismatchNeedsAutopathAndAMismatch() throws {
        let wrong = AutopathSearchMismatch.app(searches: ["default.svc.cluster.local", "svc.cluster.local", "cluster.local"])
        let right = AutopathSearchMismatch.app(searches: ["shop.svc.cluster.local", "svc.cluster.local", "cluster.local"])
        func mismatch(_ corefile: String?, _ app: String) throws -> Int {
            try count("DNS4003", (corefile.map { [TextFile("Corefile", $0)] } ?? []) + [TextFile("app.yaml", app)])
        }
        #expect(try mismatch(AutopathSearchMismatch.corefile, wrong) == 1)
        #expect(try mismatch(AutopathSearchMismatch.corefile, right) == 0)
        #expect(try mismatch(nil, wrong) == 0)
        #expect(try mismatch(AutopathSearchMismatch.corefile.replacingOccurrences(of: "    autopath @kubernetes\n", with: ""), wrong) == 0)
        let elsewhere = ".:53 {\n    kubernetes cluster.local\n    forward . /etc/resolv.conf\n}\nexample.org:53 {\n    autopath /etc/resolv.conf\n    forward . 192.0.2.53\n}\n"
        #expect(try mismatch(elsewhere, wrong) == 0, "autopath only in a block that does not serve the cluster domain")
        let otherZones = AutopathSearchMismatch.corefile.replacingOccurrences(of: "autopath @kubernetes", with: "autopath example.org @kubernetes")
        #expect(try mismatch(otherZones, wrong) == 0, "autopath limited to other zones")
    }

    @Test func searchMismatchPointsAtTheSearchListAndTheAutopathLine() throws {
        let findings = try Lint.files([
            TextFile("Corefile", AutopathSearchMismatch.corefile),
            TextFile("app.yaml", AutopathSearchMismatch.app(searches: ["default.svc.cluster.local", "svc.cluster.local"])),
        ])
        let finding = try #require(findings.first { $0.ruleCode == "DNS4003" })
        let dns3010 = try #require(findings.first { $0.ruleCode == "DNS3010" })
        #expect(finding.location == dns3010.location)
        #expect(finding.related.map { $0.location?.line } == [2])
        #expect(finding.message.hasPrefix("The search path of Deployment shop/worker starts with default.svc.cluster.local"))
    }
}
