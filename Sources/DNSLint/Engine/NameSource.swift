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
                let name = content.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !name.isEmpty else { continue }
                await body(NameEntry(name, source: CapturedSource(path: path, line: number)))
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
                    await body(NameEntry(subject.name.text, source: source, absolute: true))
                }
            }
        }
        for transfer in transfers {
            let (zone, server) = try Self.parseTransfer(transfer)
            var owners: [String] = []
            var seen = Set<[UInt8]>()
            do throws(LDNSError) {
                try ZoneTransfer.axfr(zone: zone, address: server.host, port: UInt16(server.port),
                                      timeoutSeconds: timeoutSeconds) { record in
                    var lower: [UInt8] = []
                    record.owner.withUnsafeBufferPointer { WireName.lowercased($0, into: &lower) }
                    if record.type != .soa || owners.isEmpty, seen.insert(lower).inserted { owners.append(WireName.text(lower)) }
                }
            } catch {
                throw InputError("--axfr \(transfer): \(error.message)")
            }
            for owner in owners { await body(NameEntry(owner, absolute: true)) }
        }
    }
}
