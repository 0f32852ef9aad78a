import Testing
@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintRules

/// A block that never closes is reported at the line that opened it (found by indentation), once, and the
/// rest of the file is read as its layout means it: no cascade of follow-on findings.
@Suite struct UnclosedBlockTests {
    @Test func aPluginBlockLeftOpenBeforeTheNextServerBlock() {
        let (corefile, issues) = parseCorefile("""
            .:53 {
                errors
                health {
                    lameduck 5s
                forward . /etc/resolv.conf
            }
            example.org {
                whoami
            }
            """)
        #expect(issues.map(\.location.line) == [3], "\(issues.map(\.message))")
        #expect(issues.first?.message.contains("'health' opened here never closes") == true)
        #expect(issues.first?.arguments["closedBy"] == .int(5))
        #expect(corefile.serverBlocks.map(\.title) == [".:53", "example.org"])
        #expect(corefile.serverBlocks[0].directives.map(\.name) == ["errors", "health", "forward"])
        #expect(corefile.serverBlocks[0].directive("health")?.block.map(\.name) == ["lameduck"])
    }

    @Test func aServerBlockLeftOpenBeforeTheNextOne() {
        let (corefile, issues) = parseCorefile(".:53 {\n    errors\nexample.org {\n    whoami\n}\n")
        #expect(issues.map(\.location.line) == [1])
        #expect(corefile.serverBlocks.map(\.title) == [".:53", "example.org"])
    }

    @Test func aClosingBraceAtAnOuterColumnClosesTheOuterBlock() {
        let (corefile, issues) = parseCorefile(".:53 {\n    forward . 8.8.8.8 {\n        policy sequential\n}\n")
        #expect(issues.map(\.location.line) == [2])
        #expect(corefile.serverBlocks.first?.directives.map(\.name) == ["forward"])
    }

    @Test func aBlockStillOpenAtTheEndIsReportedWhereItOpened() {
        let (_, issues) = parseCorefile(".:53 {\n    errors\n    cache 30\n")
        #expect(issues.map(\.location.line) == [1])
    }

    @Test func withoutIndentationTheParserDoesNotGuess() {
        let (corefile, issues) = parseCorefile(".:53 {\nforward . 8.8.8.8 {\npolicy random\ncache 30\n}\n")
        #expect(issues.count == 1)
        #expect(corefile.serverBlocks.count == 1, "no line was taken for a new server block")
    }

    @Test func balancedFilesAreLeftAlone() {
        let (corefile, issues) = parseCorefile(".:53 {\nerrors\n  forward . 8.8.8.8 {\n policy random\n      }\n}\n")
        #expect(issues.isEmpty)
        #expect(corefile.serverBlocks.first?.directive("forward")?.option("policy") != nil)
    }

    /// The same Corefile inside a ConfigMap: the finding points at the YAML line that opened the block.
    @Test func insideAConfigMapWithTheYAMLLineMapping() throws {
        let findings = try Lint.text("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: coredns
              namespace: kube-system
            data:
              Corefile: |
                .:53 {
                    errors
                    health {
                        lameduck 5s
                    forward . /etc/resolv.conf {
                        prefer_udp
                    }
                    loop
                }
                example.org {
                    whoami
                }
            """, named: "coredns.yaml")
        #expect(findings.map(\.ruleCode) == ["DNS0002"], "\(findings.map(\.message))")
        #expect(findings.first?.location?.line == 10)
        #expect(findings.first?.location?.column == 9)
    }
}

/// Each Corefile is judged against its own CoreDNS release: the flag, else an image of its own file, else one
/// in its namespace and folder from a file without a Corefile of its own, else unknown.
@Suite struct VersionScopeTests {
    static func manifest(corefile: String, image: String, namespace: String = "kube-system") -> String {
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns
          namespace: \(namespace)
        data:
          Corefile: |
        \(corefile.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: coredns
          namespace: \(namespace)
        spec:
          template:
            spec:
              dnsPolicy: Default
              containers:
              - name: coredns
                image: \(image)
        """
    }

    static let autopathCache = ".:53 {\n    autopath @kubernetes\n    kubernetes cluster.local {\n        pods verified\n    }\n    cache 30\n}"

    @Test func twoClustersInOneRunEachWithItsOwnVersion() throws {
        let folder = ScratchFolder()
        defer { folder.remove() }
        let old = try folder.write("old/coredns.yaml", Self.manifest(corefile: Self.autopathCache, image: "coredns/coredns:1.11.1"))
        let new = try folder.write("new/coredns.yaml", Self.manifest(corefile: Self.autopathCache, image: "coredns/coredns:1.14.7"))
        for order in [[old, new], [new, old]] {
            let report = try Lint.report(order)
            #expect(report.findings.withCode("DNS2001").map(\.location?.path) == [old], "only the 1.11.1 cluster")
            #expect(report.corefileVersions.map(\.judged.version) == [CoreDNSVersion(1, 14, 7), CoreDNSVersion(1, 11, 1)],
                    "listed by path (new/ before old/), whatever the order of the arguments")
            #expect(report.corefileVersions.allSatisfy { $0.judged.sourceKind == "image" })
        }
    }

    @Test func aDeploymentBesideAPlainCorefileInItsFolder() throws {
        let deployment = Self.manifest(corefile: ".:53 {\n    whoami\n}", image: "coredns/coredns:1.11.1")
            .components(separatedBy: "---\n")[1]
        let findings = try Lint.files([TextFile("cluster/Corefile", Self.autopathCache), TextFile("cluster/deployment.yaml", deployment),
                                       TextFile("other/Corefile", Self.autopathCache)])
        let dns2001 = findings.withCode("DNS2001")
        #expect(dns2001.count == 2)
        let cluster = try #require(dns2001.first { $0.location?.path.hasSuffix("cluster/Corefile") == true })
        #expect(cluster.arguments["corednsVersion"] == .string("1.11.1"))
        #expect(cluster.related.contains { $0.location?.path.hasSuffix("deployment.yaml") == true })
        let other = try #require(dns2001.first { $0.location?.path.hasSuffix("other/Corefile") == true })
        #expect(other.arguments["corednsVersionSource"] == .string("unknown"), "another folder's Deployment does not apply")
    }

    @Test func anotherManifestsImageDoesNotApply() throws {
        // The old-proxy manifest's 0.9.10 once applied to every Corefile of the run (404 DNS2006 on the corpus).
        let findings = try Lint.files([
            TextFile("a.yaml", Self.manifest(corefile: ".:53 {\n    proxy . /etc/resolv.conf\n}", image: "coredns/coredns:0.9.10")),
            TextFile("b.yaml", Self.manifest(corefile: ".:53 {\n    ready\n    forward . /etc/resolv.conf {\n        prefer_udp\n    }\n    loop\n}",
                                             image: "coredns/coredns:1.14.7")),
        ])
        #expect(findings.withCode("DNS2006").isEmpty, "\(findings.map(\.message))")
        #expect(findings.withCode("DNS2018").map(\.location?.path) == [findings.first { $0.ruleCode == "DNS2018" }?.location?.path].compactMap { $0 })
        #expect(findings.withCode("DNS2018").first?.location?.path.hasSuffix("a.yaml") == true)
    }

    @Test func theConfigFileIsNamedAsTheSource() throws {
        var options = LintOptions()
        options.corednsVersion = "1.11.1"
        options.corednsVersionConfigFile = "deploy/.dnslint.yml"
        let judged = CoreDNSVersionScope.judge(Corefile(path: "Corefile", serverBlocks: []), options: options, images: [], corefilePaths: [])
        #expect(judged.sourceDescription == "coredns-version in deploy/.dnslint.yml")
        #expect(judged.arguments() == ["corednsVersion": .string("1.11.1"), "corednsVersionSource": .string("config")])
        #expect(JudgedCoreDNSVersion.unknown.assumption(before: CoreDNSVersion(1, 14, 7))
                == "CoreDNS version unknown: this applies before 1.14.7; pass --coredns-version or set coredns-version in the config")
    }
}

/// `Fixtures/clusters/`: three clusters' CoreDNS manifests linted in one run, each Corefile judged against the
/// image of its own Deployment; the findings match the inline markers whatever the order of the arguments.
@Suite struct ClusterFixtureTests {
    static let folder = TestPaths.fixtures("clusters")
    static let files = ["blue", "green", "legacy"].map { folder.appendingPathComponent("\($0)/coredns.yaml") }

    @Test(arguments: [[0, 1, 2], [2, 1, 0], [1, 2, 0]])
    func eachClusterIsJudgedAgainstItsOwnRelease(_ order: [Int]) throws {
        let paths = order.map { Self.files[$0].path }
        let findings = try Lint.paths(paths)
        let expected = Self.files.flatMap { ExpectComments.expectations(in: $0, shownAs: $0.path) }.sorted()
        #expect(ExpectComments.actual(findings).sorted() == expected, "\(findings.map { "\($0.location?.line ?? 0) \($0.ruleCode) \($0.message)" })")
    }

    @Test func theReportListsEachCorefileWithItsVersionAndSource() throws {
        let report = try Lint.report([Self.folder.path])
        #expect(report.corefileVersions.map { $0.judged.version?.description } == ["1.11.1", "1.14.7", "0.9.10"])
        #expect(report.corefileVersions.allSatisfy { $0.judged.summary.contains("from image") })
    }
}
