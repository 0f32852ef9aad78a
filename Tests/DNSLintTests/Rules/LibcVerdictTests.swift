import Foundation
import Testing
@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintRules

/// The rules whose verdict follows the clients' libc: DNS1014 and DNS4001 by severity, DNS3003 by whether it
/// fires, each workload judged by its images and `--libc` over everything. What each libc does is what
/// `SearchWalkTests` and `ResolverOptionTests` measure with the real glibc and musl.
@Suite struct LibcVerdictTests {
    static let name = "api.twilio.com."
    static let candidate = "api.twilio.com.default.svc.cluster.local."
    static let soa = "cluster.local. 30 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. 1 7200 1800 86400 30"
    static let resolves = [("A", ["api.twilio.com. 60 IN A 192.0.2.7"]), ("AAAA", ["api.twilio.com. 60 IN AAAA 2001:db8::7"])]

    static func workload(_ image: String, name: String = "worker", namespace: String = "default", dnsPolicy: String? = nil) -> String {
        ManifestBuilder.deployment(name, namespace: namespace,
                                   .init(dnsPolicy: dnsPolicy, containers: [.init(name, image: image)])).yaml
    }

    /// A capture of `name` (answered by `own`) expanded through `default.svc.cluster.local` (answered by
    /// `expanded`): (type, rcode, answer records) each.
    static func capture(expanded: [(String, String, [String])], own: [(String, String, [String])]) throws -> String {
        var queries: [CapturedQuery] = []
        for (type, rcode, answer) in own {
            queries.append(try Query.answered(name, type, rcode: rcode, answer: answer, authority: answer.isEmpty ? [soa] : []))
        }
        for (type, rcode, answer) in expanded {
            queries.append(try Query.answered(candidate, type, rcode: rcode, answer: answer, authority: answer.isEmpty ? [soa] : []))
        }
        let capture = Capture(mode: .recursive, ndots: 5, search: ["default.svc.cluster.local"],
                              names: [CapturedName(name: name, server: CaptureBuilder.server, source: nil, queries: queries)])
        return String(decoding: try JSONEncoder().encode(capture), as: UTF8.self)
    }

    static let ownResolves = resolves.map { ($0.0, "NOERROR", $0.1) }
    static let cnameOnlyAAAA = [("A", "NXDOMAIN", [String]()), ("AAAA", "NOERROR", ["\(candidate) 30 IN CNAME \(name)"])]

    func dns1014(_ capture: String, _ manifests: [String] = [], _ flags: [String] = []) throws -> [Finding] {
        let files = [TextFile("pod.capture.json", capture)] + manifests.enumerated().map { TextFile("app\($0.offset).yaml", $0.element) }
        return try Lint.files(files, flags).withCode("DNS1014")
    }

    @Test func emptyNoerrorIsANoteWhateverTheLibc() throws {
        let capture = try Self.capture(expanded: [("A", "NXDOMAIN", []), ("AAAA", "NOERROR", [])], own: Self.ownResolves)
        for flags in [[], ["--libc", "musl"]] {
            let found = try dns1014(capture, [], flags)
            #expect(found.map(\.severity) == [.note], "\(flags)")
            #expect(found.first?.message.contains("walk on") == true)
        }
    }

    @Test func cnameOnlyNoerrorIsAnErrorForGlibcAndAWarningForMusl() throws {
        let capture = try Self.capture(expanded: Self.cnameOnlyAAAA, own: Self.ownResolves)
        let glibc = try dns1014(capture)
        #expect(glibc.map(\.severity) == [.error])
        #expect(glibc.first?.message.contains("Name or service not known") == true)
        #expect(glibc.first?.arguments["libcs"] == .strings(["glibc"]))

        let alpine = try dns1014(capture, [Self.workload("python:3.12-alpine3.19")])
        #expect(alpine.map(\.severity) == [.warning], "an Alpine workload searching the domain walks on")
        #expect(alpine.first?.message.contains("resolves through api.twilio.com. after 2 more queries") == true)
        #expect(alpine.first?.arguments["libcs"] == .strings(["musl"]))

        let mixed = try dns1014(capture, [Self.workload("python:3.12-alpine3.19"), Self.workload("python:3.12-slim", name: "web")])
        #expect(mixed.map(\.severity) == [.error], "a glibc workload searching the domain fails")
        #expect(mixed.first?.arguments["libcs"] == .strings(["glibc", "musl"]))

        let elsewhere = try dns1014(capture, [Self.workload("python:3.12-alpine3.19", namespace: "shop")])
        #expect(elsewhere.map(\.severity) == [.error], "no workload searches default.svc.cluster.local: the default libc")

        let overridden = try dns1014(capture, [Self.workload("python:3.12-alpine3.19")], ["--libc", "glibc"])
        #expect(overridden.map(\.severity) == [.error], "--libc overrides the image")
    }

    @Test func muslFailsWhenTheDroppedCandidateWasTheOnlyAnswer() throws {
        let capture = try Self.capture(
            expanded: [("A", "NOERROR", ["\(Self.candidate) 30 IN A 10.0.0.5"]), ("AAAA", "NXDOMAIN", [])],
            own: [("A", "NXDOMAIN", []), ("AAAA", "NXDOMAIN", [])])
        let musl = try dns1014(capture, [], ["--libc", "musl"])
        #expect(musl.map(\.severity) == [.error])
        #expect(musl.first?.message.contains("Name does not resolve") == true)
        let glibc = try dns1014(capture)
        #expect(glibc.map(\.severity) == [.error])
        #expect(glibc.first?.message.contains("returns this candidate's A addresses only") == true)
    }

    @Test func splitOnTheNameItselfIsAWarningForGlibcAndAnErrorForMusl() throws {
        let capture = try Self.capture(expanded: [("A", "NXDOMAIN", []), ("AAAA", "NXDOMAIN", [])],
                                       own: [("A", "NXDOMAIN", []), ("AAAA", "NOERROR", ["api.twilio.com. 60 IN AAAA 2001:db8::7"])])
        #expect(try dns1014(capture).map(\.severity) == [.warning])
        #expect(try dns1014(capture, [], ["--libc", "musl"]).map(\.severity) == [.error])
    }

    // MARK: DNS4001

    func dns4001(_ manifests: [String], _ flags: [String] = ["--coredns-version", "1.11.1"]) throws -> [Finding] {
        let files = [TextFile("Corefile", AutopathCacheSplitAnswer.corefile), TextFile("example.com.zone", AutopathCacheSplitAnswer.zone(lbTTL: 10))]
            + manifests.enumerated().map { TextFile("app\($0.offset).yaml", $0.element) }
        return try Lint.files(files, flags).withCode("DNS4001")
    }

    @Test func splitAnswerIsAWarningWhenEveryClusterClientIsMusl() throws {
        #expect(try dns4001([]).map(\.severity) == [.error], "no workloads: glibc")
        let musl = try dns4001([Self.workload("node:20-alpine3.17")])
        #expect(musl.map(\.severity) == [.warning])
        #expect(musl.first?.message.contains("container worker of Deployment default/worker (node:20-alpine3.17, Alpine 3.17 (musl 1.2.3))") == true)
        #expect(try dns4001([Self.workload("node:20-alpine3.17"), Self.workload("node:20", name: "web")]).map(\.severity) == [.error])
        #expect(try dns4001([Self.workload("node:20-alpine3.17")], ["--coredns-version", "1.11.1", "--libc", "glibc"]).map(\.severity) == [.error])
        let hostDNS = Self.workload("node:20", name: "agent", dnsPolicy: "Default")
        #expect(try dns4001([Self.workload("node:20-alpine3.17"), hostDNS]).map(\.severity) == [.warning],
                "a pod that does not use the cluster DNS is not autopath's client")
    }

    // MARK: DNS3002

    /// single-request-reopen is glibc's; a workload whose images are all musl gets no DNS3002 advice.
    @Test func parallelQueriesAdviceFollowsTheWorkloadsLibc() throws {
        func dns3002(_ image: String, _ flags: [String] = []) throws -> [Finding] {
            try Lint.files([TextFile("app.yaml", Self.workload(image))], flags).withCode("DNS3002")
        }
        #expect(try dns3002("node:20").count == 1)
        #expect(try dns3002("node:20-alpine3.17").isEmpty)
        #expect(try dns3002("node:20-alpine3.17", ["--libc", "glibc"]).count == 1)
    }

    // MARK: DNS3003

    static func pod(options: String, containers: [(String, String)]) -> String {
        let options = [ManifestBuilder.DNSConfig.Option("ndots", "1")] + options.split(separator: " ").map { .init(String($0)) }
        return ManifestBuilder.pod("tools", .init(dnsConfig: .init(options: options),
                                                  containers: containers.map { .init($0.0, image: $0.1) })).yaml
    }

    @Test func optionIgnoredByMuslFiresPerWorkload() throws {
        func found(_ containers: [(String, String)], _ flags: [String] = []) throws -> [Finding] {
            try Lint.text(Self.pod(options: "single-request-reopen use-vc", containers: containers), named: "tools.yaml", flags).withCode("DNS3003")
        }
        let alpine = try found([("shell", "alpine:3.19")])
        let imageLine = Self.pod(options: "single-request-reopen use-vc", containers: [("shell", "alpine:3.19")]).line(containing: "alpine:3.19")
        #expect(alpine.count == 2)
        #expect(alpine.first?.message.contains("in its musl-based container shell") == true)
        #expect(imageLine != nil && alpine.first?.related.first?.location?.line == imageLine, "points at the image")
        #expect(alpine.first?.arguments["containers"] == .strings(["shell"]))

        let mixed = try found([("app", "debian:bookworm"), ("sidecar", "busybox:1.36-musl")])
        #expect(mixed.count == 2 && mixed.allSatisfy { $0.arguments["containers"] == .strings(["sidecar"]) })

        #expect(try found([("app", "debian:bookworm")]).isEmpty)
        #expect(try found([("shell", "alpine:3.19")], ["--libc", "glibc"]).isEmpty, "--libc overrides the image")
        let forced = try found([("app", "debian:bookworm")], ["--libc", "musl"])
        #expect(forced.count == 2 && forced.allSatisfy { $0.arguments["containers"] == nil })
    }
}
