import DNSLintModel
import Foundation
import LDNS
import Testing

/// A night's `dnslint live --names-file nightly.names --capture nightly.capture.json`, made by hand from the
/// Codable capture model instead of a network: every name shows one fault the live rules know. Both files
/// are committed under `Fixtures/live/` so `dnslint analyze` runs on them from the package root with relative
/// paths; `ReporterSnapshotTests` checks they are what this builder makes (`DNSLINT_UPDATE_SNAPSHOTS=1`
/// rewrites them). Nothing here is ever sent: `10.0.0.10` is only a label in the data.
enum NightlyCapture {
    static let folder = "Tests/DNSLintTests/Fixtures/live"
    static let namesPath = folder + "/nightly.names"
    static let capturePath = folder + "/nightly.capture.json"
    static let server = "10.0.0.10:53"
    static let search = ["shop.svc.cluster.local"]
    static let soa = "example.com. 300 IN SOA ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 300"

    /// Each audited name, the rule it is there for, and the queries the prober would have recorded.
    static let audited: [(name: String, why: String, queries: [CapturedQuery])] = [
        ("api.example.com.", "DNS1001: the chain's target has A but no AAAA, and the TTLs differ", [
            answer("api.example.com.", "A", ["api.example.com. 300 IN CNAME lb.example.com.", "lb.example.com. 20 IN A 192.0.2.10"]),
            answer("api.example.com.", "AAAA", ["api.example.com. 300 IN CNAME lb.example.com."], authority: [soa]),
            answer("lb.example.com.", "A", ["lb.example.com. 20 IN A 192.0.2.10"]),
            answer("lb.example.com.", "AAAA", [], authority: [soa]),
        ]),
        ("both.example.com.", "DNS1002: A and AAAA with different TTLs", [
            answer("both.example.com.", "A", ["both.example.com. 300 IN A 192.0.2.20"]),
            answer("both.example.com.", "AAAA", ["both.example.com. 60 IN AAAA 2001:db8::20"]),
        ]),
        ("gone.example.com.", "DNS1003: the CNAME points at a name that does not exist", [
            answer("gone.example.com.", "A", ["gone.example.com. 300 IN CNAME missing.example.com."], rcode: "NXDOMAIN", authority: [soa]),
            answer("gone.example.com.", "AAAA", ["gone.example.com. 300 IN CNAME missing.example.com."], rcode: "NXDOMAIN", authority: [soa]),
            answer("missing.example.com.", "A", [], rcode: "NXDOMAIN", authority: [soa]),
            answer("missing.example.com.", "AAAA", [], rcode: "NXDOMAIN", authority: [soa]),
        ]),
        ("www.example.com.", "DNS1006: a CNAME for A but the name's own records for AAAA", [
            answer("www.example.com.", "A", ["www.example.com. 300 IN CNAME web.example.com.", "web.example.com. 300 IN A 192.0.2.80"]),
            answer("www.example.com.", "AAAA", ["www.example.com. 300 IN AAAA 2001:db8::80"]),
            answer("web.example.com.", "A", ["web.example.com. 300 IN A 192.0.2.80"]),
        ]),
        ("mixed.example.com.", "DNS1008: one RRset, two TTLs", [
            answer("mixed.example.com.", "A", ["mixed.example.com. 300 IN A 192.0.2.30", "mixed.example.com. 60 IN A 192.0.2.31"]),
            answer("mixed.example.com.", "AAAA", [], authority: [soa]),
        ]),
        ("big.example.com.", "DNS1010: the A answer needs 718 bytes without EDNS", [
            answer("big.example.com.", "A", bigAnswer, size: 718),
            answer("big.example.com.", "A", Array(bigAnswer.prefix(28)), edns: false, flags: ["qr", "tc", "rd", "ra"], size: 508),
            answer("big.example.com.", "A", bigAnswer, edns: false, transport: .tcp, size: 718),
            answer("big.example.com.", "AAAA", [], authority: [soa]),
        ]),
        ("legacy.internal.", "DNS1011: truncated over UDP and TCP is refused", [
            answer("legacy.internal.", "A", ["legacy.internal. 300 IN A 10.1.0.1"]),
            answer("legacy.internal.", "AAAA", [], authority: ["internal. 300 IN SOA ns.internal. hostmaster.internal. 1 7200 3600 1209600 300"]),
            answer("legacy.internal.", "A", ["legacy.internal. 300 IN A 10.1.0.1"], edns: false, flags: ["qr", "tc", "rd", "ra"], size: 512),
            failed("legacy.internal.", "A", edns: false, transport: .tcp, status: .error,
                   error: "TCP connection to 10.0.0.10:53 failed: connection refused"),
        ]),
        ("old.example.net.", "DNS1012: EDNS queries answered without an OPT record", [
            answer("old.example.net.", "A", ["old.example.net. 300 IN A 192.0.2.40"], opt: false),
            answer("old.example.net.", "AAAA", ["old.example.net. 300 IN AAAA 2001:db8::40"], opt: false),
        ]),
        ("down.example.org.", "DNS1013: A times out on every try, AAAA gets SERVFAIL", [
            failed("down.example.org.", "A", status: .timeout),
            failed("down.example.org.", "A", status: .timeout),
            failed("down.example.org.", "A", status: .timeout),
            answer("down.example.org.", "AAAA", [], rcode: "SERVFAIL"),
        ]),
        ("payments.example.com.", "DNS1014: under the search domain, A is NXDOMAIN but AAAA NOERROR", [
            answer("payments.example.com.", "A", ["payments.example.com. 300 IN A 192.0.2.50"]),
            answer("payments.example.com.", "AAAA", ["payments.example.com. 300 IN AAAA 2001:db8::50"]),
            answer("payments.example.com.shop.svc.cluster.local.", "A", [], rcode: "NXDOMAIN", authority: [clusterSOA]),
            answer("payments.example.com.shop.svc.cluster.local.", "AAAA", [], authority: [clusterSOA]),
        ]),
        ("short.example.com.", "DNS1017: a 3-second TTL", [
            answer("short.example.com.", "A", ["short.example.com. 3 IN A 192.0.2.60"]),
            answer("short.example.com.", "AAAA", ["short.example.com. 3 IN AAAA 2001:db8::60"]),
        ]),
        ("ok.example.com.", "nothing: a healthy name stays quiet", [
            answer("ok.example.com.", "A", ["ok.example.com. 300 IN A 192.0.2.70"]),
            answer("ok.example.com.", "AAAA", ["ok.example.com. 300 IN AAAA 2001:db8::70"]),
            answer("ok.example.com.", "A", ["ok.example.com. 300 IN A 192.0.2.70"], edns: false),
        ]),
    ]

    /// A name given on the command line: no file declares it, so its finding has no location.
    static let fromCommandLine = CapturedName(name: "cli.example.org.", server: server, source: nil, queries: [
        failed("cli.example.org.", "A", status: .timeout),
        failed("cli.example.org.", "AAAA", status: .timeout),
    ])

    static let clusterSOA = "cluster.local. 30 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. 1 7200 1800 86400 30"

    static let bigAnswer = (1...40).map { "big.example.com. 300 IN A 192.0.2.\(100 + $0)" }

    /// `nightly.names`: a comment, then one audited name per line.
    static var namesText: String {
        "# Names the nightly audit asks for; see Support/NightlyCapture.swift for what each one shows.\n"
            + audited.map { $0.name + "\n" }.joined()
    }

    static var capture: Capture {
        let named = audited.enumerated().map { index, item in
            CapturedName(name: item.name, server: server, source: CapturedSource(path: namesPath, line: index + 2), queries: item.queries)
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

    /// The capture as committed: sorted keys and indented, so a change reads well in a diff.
    static var captureJSON: Data { encode(capture) }

    static func encode(_ capture: Capture) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // The model and the records it holds are plain values; encoding them cannot fail.
        return (try? encoder.encode(capture)).map { $0 + Data("\n".utf8) } ?? Data()
    }

    /// Rewrites the committed files when snapshots are being updated (before `dnslint analyze` reads them).
    static func writeFixturesIfUpdating() {
        guard Snapshot.updating else { return }
        let root = TestPaths.packageRoot
        Snapshot.expect(captureJSON, matches: capturePath, at: root.appendingPathComponent(capturePath))
        Snapshot.expect(Data(namesText.utf8), matches: namesPath, at: root.appendingPathComponent(namesPath))
    }

    static func answer(_ name: String, _ type: String, _ records: [String], rcode: String = "NOERROR", edns: Bool = true,
                       transport: Transport = .udp, flags: [String] = ["qr", "rd", "ra"], size: Int = 90, opt: Bool? = nil,
                       authority: [String] = []) -> CapturedQuery {
        let response = CapturedResponse(rcode: rcode, flags: flags, size: size, opt: opt ?? edns,
                                        answer: records.map(record), authority: authority.map(record))
        return CapturedQuery(name: name, type: type, server: server, transport: transport, edns: edns, rd: true, ms: 1.5,
                             status: .response, response: response)
    }

    static func failed(_ name: String, _ type: String, edns: Bool = true, transport: Transport = .udp, status: QueryStatus,
                       error: String? = nil) -> CapturedQuery {
        CapturedQuery(name: name, type: type, server: server, transport: transport, edns: edns, rd: true,
                      ms: status == .timeout ? 2000 : 0.5, status: status, error: error)
    }

    /// A record in presentation format, parsed by ldns as the capture loader parses it.
    static func record(_ text: String) -> ObservedRecord {
        var parts: RecordParts?
        let error = text.withCString { line in
            RecordParser().parse(line, defaultTTL: 0) { view in
                parts = RecordParts(owner: Array(view.owner), type: view.type, rrClass: view.rrClass, ttl: view.ttl,
                                    rdata: Array(view.rdata))
            }
        }
        guard let parts, error == nil else { preconditionFailure("not a record: \(text)") }
        return ObservedRecord(parts)
    }
}
