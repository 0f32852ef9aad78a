import DNSLintInputs
import DNSLintLive
import DNSLintModel
import Foundation
import LDNS

/// Names to audit, read lazily so a names file of any length keeps memory flat.
package struct NameSource: Sendable {
    package var arguments: [String] = []
    package var namesFiles: [String] = []
    package var zoneFiles: [String] = []
    /// `ZONE@SERVER[:PORT]`: every owner name in the zone, fetched by AXFR.
    package var transfers: [String] = []

    package init(arguments: [String] = [], namesFiles: [String] = [], zoneFiles: [String] = [], transfers: [String] = []) {
        self.arguments = arguments
        self.namesFiles = namesFiles
        self.zoneFiles = zoneFiles
        self.transfers = transfers
    }

    package var isEmpty: Bool { arguments.isEmpty && namesFiles.isEmpty && zoneFiles.isEmpty && transfers.isEmpty }

    /// Checks that every file opens and every transfer is well-formed before any query is sent.
    func validate() throws(InputError) {
        for path in namesFiles + zoneFiles where !FileManager.default.isReadableFile(atPath: path) {
            throw InputError("\(path): cannot read the file")
        }
        for transfer in transfers { _ = try Self.parseTransfer(transfer) }
    }

    /// A names-file line (comment removed): the name, then optionally the types of its records whose targets
    /// DNS1007 checks (`example.com. MX NS`); nil for a blank line. Other words are a usage error: the file
    /// would otherwise be read as something it does not say.
    static func namesFileLine(_ content: Substring, at place: String) throws(InputError) -> (String, [RRType])? {
        // `isWhitespace`: a Windows line end is one Character ("\r\n") that equals neither "\r" nor "\n".
        let words = content.split(whereSeparator: \.isWhitespace)
        guard let name = words.first else { return nil }
        var types: [RRType] = []
        for word in words.dropFirst() {
            guard let type = RRType(mnemonic: word.uppercased()), RRType.hostTargetTypes.contains(type) else {
                let allowed = RRType.hostTargetTypes.map(\.mnemonic).joined(separator: ", ")
                throw InputError("\(place): \"\(word)\" is not a type whose targets dnslint checks (\(allowed)); a line is a name, then optionally those types")
            }
            if !types.contains(type) { types.append(type) }
        }
        return (String(name), types)
    }

    /// The types of a zone's name whose records name hosts (DNS1007), in the zone's order.
    static func targetTypes(_ held: [RRType]) -> [RRType] { held.filter(RRType.hostTargetTypes.contains) }

    static func parseTransfer(_ text: String) throws(InputError) -> (zone: String, server: ServerAddress) {
        let parts = text.split(separator: "@", maxSplits: 1).map(String.init)
        guard parts.count == 2, let server = ServerAddress(parsing: parts[1]) else {
            throw InputError("--axfr \(text): expected ZONE@SERVER[:PORT] with an IP address, e.g. example.com@192.0.2.53")
        }
        return (parts[0].hasSuffix(".") ? parts[0] : parts[0] + ".", server)
    }

    /// Calls `body` for each name in order: arguments, names files, zone files, transfers. A zone file's
    /// own problems (DNS0001, DNS0005) go to `issues`, so the report keeps them.
    func forEach(options: LintOptions, timeoutSeconds: Int, issues: ([InputIssue]) -> Void,
                 _ body: (NameEntry) async -> Void) async throws(InputError) {
        for argument in arguments { await body(NameEntry(argument)) }
        for path in namesFiles {
            guard let file = fopen(path, "r") else { throw InputError("\(path): cannot read the file") }
            defer { fclose(file) }
            var line: UnsafeMutablePointer<CChar>?
            var capacity = 0
            defer { free(line) }
            var number = 0
            while getline(&line, &capacity, file) >= 0, let line {
                number += 1
                let text = String(cString: line)
                let content = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                guard let (name, types) = try Self.namesFileLine(content, at: "\(path):\(number)") else { continue }
                await body(NameEntry(name, source: CapturedSource(path: path, line: number), targetTypes: types))
            }
        }
        for path in zoneFiles {
            guard let file = InputFile.open(path) else { throw InputError("\(path): cannot read the file") }
            let loaded = try ZoneLoader().load(file, options: options)
            issues(loaded.issues)
            for view in loaded.views {
                for index in 0..<view.subjectCount {
                    let subject = view.subject(at: index)
                    let source = subject.location.map { CapturedSource(path: $0.path, line: $0.line) }
                    await body(NameEntry(subject.name.text, source: source, absolute: true,
                                         targetTypes: Self.targetTypes(subject.otherTypes)))
                }
            }
        }
        for transfer in transfers {
            let (zone, server) = try Self.parseTransfer(transfer)
            var owners: [String] = []
            var seen: [[UInt8]: Int] = [:]
            var types: [[RRType]] = []
            do throws(LDNSError) {
                try ZoneTransfer.axfr(zone: zone, address: server.host, port: UInt16(server.port),
                                      timeoutSeconds: timeoutSeconds) { record in
                    // AXFR ends with the apex SOA again (RFC 5936 2.2): only the first one is the zone's.
                    guard record.type != .soa || owners.isEmpty else { return }
                    var lower: [UInt8] = []
                    record.owner.withUnsafeBufferPointer { WireName.lowercased($0, into: &lower) }
                    let index: Int
                    if let known = seen[lower] {
                        index = known
                    } else {
                        index = owners.count
                        seen[lower] = index
                        owners.append(WireName.text(lower))
                        types.append([])
                    }
                    if RRType.hostTargetTypes.contains(record.type), !types[index].contains(record.type) {
                        types[index].append(record.type)
                    }
                }
            } catch {
                throw InputError("--axfr \(transfer): \(error.message)")
            }
            for (owner, held) in zip(owners, types) { await body(NameEntry(owner, absolute: true, targetTypes: held)) }
        }
    }
}
