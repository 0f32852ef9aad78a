import DNSLintModel
import Foundation
import Testing

/// A night's `dnslint live --names-file nightly.names --capture nightly.capture.json`, made from the Codable
/// capture model (with the rule examples' `Query` helpers) instead of a network: every name shows one fault
/// the live rules know. Both files are committed under `Fixtures/live/` so `dnslint analyze` reads them from
/// the package root with relative paths; `ReporterSnapshotTests` checks they are what this builder makes
/// (`DNSLINT_UPDATE_SNAPSHOTS=1` rewrites them). Nothing here is ever sent: `10.0.0.10` is only a label.
enum NightlyCapture {
    static let folder = "Tests/DNSLintTests/Fixtures/live"
    static let namesPath = folder + "/nightly.names"
    static let capturePath = folder + "/nightly.capture.json"
    static let search = ["shop.svc.cluster.local"]
    static let soa = "example.com. 300 IN SOA ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 300"
    static let clusterSOA = "cluster.local. 30 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. 1 7200 1800 86400 30"
    static let internalSOA = "internal. 300 IN SOA ns.internal. hostmaster.internal. 1 7200 3600 1209600 300"
    static let bigAnswer = (1...40).map { "big.example.com. 300 IN A 192.0.2.\(100 + $0)" }

    /// One audited name, why it is there (the rule it must trigger, first), and what the prober recorded:
    /// A and AAAA with EDNS (each CNAME hop followed), both again without EDNS, search expansions with EDNS.
    struct AuditedName {
        var name: String
        var why: String
        var queries: [CapturedQuery]
    }

    static func audited() throws -> [AuditedName] {
        [
            AuditedName(name: "api.example.com.", why: "DNS1001: the chain's target has A but no AAAA, and the TTLs differ", queries: [
                try Query.answered("api.example.com.", "A", answer: ["api.example.com. 300 IN CNAME lb.example.com.", "lb.example.com. 20 IN A 192.0.2.10"]),
                try Query.answered("api.example.com.", "AAAA", answer: ["api.example.com. 300 IN CNAME lb.example.com."], authority: [soa]),
                try Query.answered("lb.example.com.", "A", answer: ["lb.example.com. 20 IN A 192.0.2.10"]),
                try Query.answered("lb.example.com.", "AAAA", authority: [soa]),
                try Query.answered("api.example.com.", "A", edns: false, answer: ["api.example.com. 300 IN CNAME lb.example.com.", "lb.example.com. 20 IN A 192.0.2.10"]),
                try Query.answered("api.example.com.", "AAAA", edns: false, answer: ["api.example.com. 300 IN CNAME lb.example.com."], authority: [soa]),
            ]),
            AuditedName(name: "both.example.com.", why: "DNS1002: A and AAAA with different TTLs", queries: try healthy(
                "both.example.com.", a: ["both.example.com. 300 IN A 192.0.2.20"], aaaa: ["both.example.com. 60 IN AAAA 2001:db8::20"])),
            AuditedName(name: "gone.example.com.", why: "DNS1003: the CNAME points at a name that does not exist", queries: [
                try Query.answered("gone.example.com.", "A", rcode: "NXDOMAIN", answer: ["gone.example.com. 300 IN CNAME missing.example.com."], authority: [soa]),
                try Query.answered("gone.example.com.", "AAAA", rcode: "NXDOMAIN", answer: ["gone.example.com. 300 IN CNAME missing.example.com."], authority: [soa]),
                try Query.answered("missing.example.com.", "A", rcode: "NXDOMAIN", authority: [soa]),
                try Query.answered("missing.example.com.", "AAAA", rcode: "NXDOMAIN", authority: [soa]),
                try Query.answered("gone.example.com.", "A", edns: false, rcode: "NXDOMAIN", answer: ["gone.example.com. 300 IN CNAME missing.example.com."], authority: [soa]),
                try Query.answered("gone.example.com.", "AAAA", edns: false, rcode: "NXDOMAIN", answer: ["gone.example.com. 300 IN CNAME missing.example.com."], authority: [soa]),
            ]),
            AuditedName(name: "www.example.com.", why: "DNS1006: a CNAME for A but the name's own records for AAAA", queries: [
                try Query.answered("www.example.com.", "A", answer: ["www.example.com. 300 IN CNAME web.example.com.", "web.example.com. 300 IN A 192.0.2.80"]),
                try Query.answered("www.example.com.", "AAAA", answer: ["www.example.com. 300 IN AAAA 2001:db8::80"]),
                try Query.answered("web.example.com.", "A", answer: ["web.example.com. 300 IN A 192.0.2.80"]),
                try Query.answered("www.example.com.", "A", edns: false, answer: ["www.example.com. 300 IN CNAME web.example.com.", "web.example.com. 300 IN A 192.0.2.80"]),
                try Query.answered("www.example.com.", "AAAA", edns: false, answer: ["www.example.com. 300 IN AAAA 2001:db8::80"]),
            ]),
            AuditedName(name: "mixed.example.com.", why: "DNS1008: one RRset, two TTLs", queries: try healthy(
                "mixed.example.com.", a: ["mixed.example.com. 300 IN A 192.0.2.30", "mixed.example.com. 60 IN A 192.0.2.31"], aaaa: [],
                authority: [soa])),
            AuditedName(name: "big.example.com.", why: "DNS1010: the A answer needs 718 bytes without EDNS", queries: [
                try Query.answered("big.example.com.", "A", size: 718, answer: bigAnswer),
                try Query.answered("big.example.com.", "AAAA", authority: [soa]),
                try Query.answered("big.example.com.", "A", edns: false, truncated: true, size: 508, answer: Array(bigAnswer.prefix(28))),
                try Query.answered("big.example.com.", "A", transport: .tcp, edns: false, size: 718, answer: bigAnswer),
                try Query.answered("big.example.com.", "AAAA", edns: false, authority: [soa]),
            ]),
            AuditedName(name: "legacy.internal.", why: "DNS1011: truncated over UDP and TCP is refused", queries: [
                try Query.answered("legacy.internal.", "A", answer: ["legacy.internal. 300 IN A 10.1.0.1"]),
                try Query.answered("legacy.internal.", "AAAA", authority: [internalSOA]),
                try Query.answered("legacy.internal.", "A", edns: false, truncated: true, size: 512, answer: ["legacy.internal. 300 IN A 10.1.0.1"]),
                Query.failed("legacy.internal.", "A", .error, transport: .tcp, edns: false,
                             error: "TCP connection to 10.0.0.10:53 failed: connection refused"),
                try Query.answered("legacy.internal.", "AAAA", edns: false, authority: [internalSOA]),
            ]),
            AuditedName(name: "old.example.net.", why: "DNS1012: EDNS queries answered without an OPT record", queries: [
                try Query.answered("old.example.net.", "A", opt: false, answer: ["old.example.net. 300 IN A 192.0.2.40"]),
                try Query.answered("old.example.net.", "AAAA", opt: false, answer: ["old.example.net. 300 IN AAAA 2001:db8::40"]),
                try Query.answered("old.example.net.", "A", edns: false, answer: ["old.example.net. 300 IN A 192.0.2.40"]),
                try Query.answered("old.example.net.", "AAAA", edns: false, answer: ["old.example.net. 300 IN AAAA 2001:db8::40"]),
            ]),
            AuditedName(name: "down.example.org.", why: "DNS1013: A times out on every try, AAAA gets SERVFAIL", queries: [
                Query.failed("down.example.org.", "A"), Query.failed("down.example.org.", "A"), Query.failed("down.example.org.", "A"),
                try Query.answered("down.example.org.", "AAAA", rcode: "SERVFAIL"),
                Query.failed("down.example.org.", "A", edns: false),
                try Query.answered("down.example.org.", "AAAA", edns: false, rcode: "SERVFAIL"),
            ]),
            AuditedName(name: "payments.example.com.", why: "DNS1014: under the search domain, A is NXDOMAIN but AAAA NOERROR", queries: try healthy(
                "payments.example.com.", a: ["payments.example.com. 300 IN A 192.0.2.50"], aaaa: ["payments.example.com. 300 IN AAAA 2001:db8::50"]) + [
                try Query.answered("payments.example.com.shop.svc.cluster.local.", "A", rcode: "NXDOMAIN", authority: [clusterSOA]),
                try Query.answered("payments.example.com.shop.svc.cluster.local.", "AAAA", authority: [clusterSOA]),
            ]),
            AuditedName(name: "short.example.com.", why: "DNS1017: a 3-second TTL", queries: try healthy(
                "short.example.com.", a: ["short.example.com. 3 IN A 192.0.2.60"], aaaa: ["short.example.com. 3 IN AAAA 2001:db8::60"])),
            AuditedName(name: "ok.example.com.", why: "nothing: a healthy name stays quiet", queries: try healthy(
                "ok.example.com.", a: ["ok.example.com. 300 IN A 192.0.2.70"], aaaa: ["ok.example.com. 300 IN AAAA 2001:db8::70"])),
        ]
    }

    /// A name given on the command line: no file declares it, so its finding has no location.
    static let fromCommandLine = CapturedName(name: "cli.example.org.", server: CaptureBuilder.server, source: nil, queries: [
        Query.failed("cli.example.org.", "A"), Query.failed("cli.example.org.", "AAAA"),
        Query.failed("cli.example.org.", "A", edns: false), Query.failed("cli.example.org.", "AAAA", edns: false),
    ])

    /// A and AAAA answered alike with and without EDNS.
    static func healthy(_ name: String, a: [String], aaaa: [String], authority: [String] = []) throws -> [CapturedQuery] {
        try [true, false].flatMap { edns in
            [try Query.answered(name, "A", edns: edns, answer: a, authority: a.isEmpty ? authority : []),
             try Query.answered(name, "AAAA", edns: edns, answer: aaaa, authority: aaaa.isEmpty ? authority : [])]
        }
    }

    /// `nightly.names`: a comment, then one audited name per line.
    static func namesText() throws -> String {
        "# Names the nightly audit asks for; see Tests/DNSLintTests/Support/NightlyCapture.swift for what each one shows.\n"
            + (try audited()).map { $0.name + "\n" }.joined()
    }

    static func capture() throws -> Capture {
        let named = try audited().enumerated().map { index, item in
            CapturedName(name: item.name, server: CaptureBuilder.server, source: CapturedSource(path: namesPath, line: index + 2),
                         queries: item.queries)
        }
        let names = named + [fromCommandLine]
        let queries = names.flatMap(\.queries)
        var stats = ProbeStats()
        stats.names = names.count
        stats.queries = queries.count
        stats.responses = queries.filter { $0.status == .response }.count
        stats.timeouts = queries.filter { $0.status == .timeout }.count
        stats.durationSeconds = 3.25
        return Capture(mode: .recursive, ndots: 5, search: search, names: names, stats: stats)
    }

    /// The committed bytes: pretty-printed with sorted keys, like the rule examples' captures.
    static func encode(_ capture: Capture) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(capture) + Data("\n".utf8)
    }

    /// Rewrites the committed files when snapshots are being updated (before `dnslint analyze` reads them).
    static func writeFixturesIfUpdating() throws {
        guard Snapshot.updating else { return }
        let root = TestPaths.packageRoot
        Snapshot.expect(try encode(capture()), matches: capturePath, at: root.appendingPathComponent(capturePath))
        Snapshot.expect(Data(try namesText().utf8), matches: namesPath, at: root.appendingPathComponent(namesPath))
    }
}
