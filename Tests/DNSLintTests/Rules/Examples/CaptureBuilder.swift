@testable import DNSLintModel
import Foundation
import LDNS

/// Builds the `*.capture.json` files of rule examples from the Codable capture model, so they are what
/// `dnslint live --capture` writes (JSONEncoder, never hand-written JSON). JSON has no comments, so each
/// audited name is declared in the example's `names.txt`, whose line carries the `@expect` markers; the
/// capture points at that line with `source`, as `dnslint live --names rules/examples/.../names.txt` run
/// from the package root would record it, and findings about the name land there.
struct CaptureBuilder {
    /// The example folder relative to the package root, e.g. `rules/examples/DNS1011/triggering-1`.
    var folder: String
    /// The capture's file name in that folder.
    var file: String
    var mode = ProbeMode.recursive
    var ndots: Int?
    var search: [String]?
    var names: [(name: String, queries: [CapturedQuery])]

    static let namesFile = "names.txt"
    static let server = "10.0.0.10:53"

    var path: String { folder + "/" + file }

    /// The capture, with each name's `source` found in the committed `names.txt`.
    func capture(packageRoot: URL) throws -> Capture {
        let namesPath = folder + "/" + Self.namesFile
        let text = try String(contentsOf: packageRoot.appendingPathComponent(namesPath), encoding: .utf8)
        // A line's name is its first word: types may follow it (`example.com. MX`).
        let declared = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            (line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                .split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
        }
        let captured = try names.map { name, queries in
            guard let index = declared.firstIndex(of: name) else { throw BuildError("\(namesPath) does not declare \(name)") }
            return CapturedName(name: name, server: Self.server, source: CapturedSource(path: namesPath, line: index + 1),
                                queries: queries)
        }
        return Capture(mode: mode, ndots: ndots, search: search, names: captured)
    }

    /// The file's bytes: pretty-printed with sorted keys, so the committed file reads well and diffs stably.
    func json(packageRoot: URL) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(capture(packageRoot: packageRoot)) + Data("\n".utf8)
    }

    struct BuildError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

/// Queries as the prober records them, with the defaults of a healthy recursive server.
enum Query {
    /// A query that got a response.
    static func answered(_ name: String, _ type: String, transport: Transport = .udp, edns: Bool = true,
                         rcode: String = "NOERROR", truncated: Bool = false, size: Int = 60, opt: Bool? = nil,
                         answer: [String] = [], authority: [String] = []) throws -> CapturedQuery {
        let flags = truncated ? ["qr", "tc", "rd", "ra"] : ["qr", "rd", "ra"]
        let response = CapturedResponse(rcode: rcode, flags: flags, size: size, opt: opt ?? edns,
                                        answer: try answer.map(record), authority: try authority.map(record))
        return CapturedQuery(name: name, type: type, server: CaptureBuilder.server, transport: transport, edns: edns,
                             rd: true, status: .response, response: response)
    }

    /// The four address queries the prober sends for a name (A and AAAA with EDNS, then both again without it),
    /// answered alike both times: records in the answer, or an empty answer with `authority` (NODATA).
    static func addresses(_ name: String, a: [String] = [], aaaa: [String] = [],
                          authorityA: [String] = [], authorityAAAA: [String] = []) throws -> [CapturedQuery] {
        try [true, false].flatMap { edns in
            [try answered(name, "A", edns: edns, answer: a, authority: authorityA),
             try answered(name, "AAAA", edns: edns, answer: aaaa, authority: authorityAAAA)]
        }
    }

    /// A query that got no usable response: a timeout, a network error or a malformed reply.
    static func failed(_ name: String, _ type: String, _ status: QueryStatus = .timeout, transport: Transport = .udp,
                       edns: Bool = true, error: String? = nil) -> CapturedQuery {
        CapturedQuery(name: name, type: type, server: CaptureBuilder.server, transport: transport, edns: edns, rd: true,
                      status: status, error: error)
    }

    /// One record in presentation format, parsed by ldns as the capture loader parses it.
    static func record(_ text: String) throws -> ObservedRecord {
        var parsed: RecordParts?
        let error = text.withCString { line in
            RecordParser().parse(line, defaultTTL: 0) { view in
                parsed = RecordParts(owner: Array(view.owner), type: view.type, rrClass: view.rrClass, ttl: view.ttl,
                                     rdata: Array(view.rdata))
            }
        }
        guard let parsed, error == nil else { throw CaptureBuilder.BuildError("record \"\(text)\" does not parse") }
        return ObservedRecord(parsed)
    }
}
