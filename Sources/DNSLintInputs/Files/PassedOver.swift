import DNSLintModel

/// Files a folder scan passes over whatever their content says: documentation, JSON that is not a capture,
/// and hosts files. Prose can quote a whole zone and a hosts line can read like a record
/// (`10.0.0.53 ns ns.corp.example`), so content alone must not make them inputs. A file named on the
/// command line is still read.
enum PassedOver {
    static let documentationSuffixes: [(suffix: String, kind: String)] = [
        (".md", "Markdown"), (".markdown", "Markdown"), (".mdx", "Markdown"),
        (".rst", "reStructuredText"), (".adoc", "AsciiDoc"), (".asciidoc", "AsciiDoc"),
    ]

    /// Why a file found in a folder is not an input, judged before any loader looks at it; nil to go on.
    static func reason(for file: InputFile) -> String? {
        let name = file.fileName.lowercased()
        if let documentation = documentationSuffixes.first(where: { name.hasSuffix($0.suffix) }) {
            return "documentation (\(documentation.kind)), not an input"
        }
        if name == "hosts" || name.hasSuffix(".hosts") { return hostsReason }
        if name.hasSuffix(".json"), CaptureLoader().recognize(file) == .no {
            return "JSON that is not a dnslint capture"
        }
        return nil
    }

    static let hostsReason = "a hosts file (addresses and host names, as in /etc/hosts), not a zone"

    /// Every significant line starts with an IP address followed by a host name: `/etc/hosts`, whatever its name.
    static func looksLikeHosts(_ text: String) -> Bool {
        var lines = 0
        for raw in TextLines.split(text) {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard let first = fields.first else { continue }
            guard fields.count >= 2, isAddressLiteral(first) else { return false }
            lines += 1
        }
        return lines > 0
    }

    /// An IPv4 dotted quad or an IPv6 address (with an optional `%zone`), never a name a zone would own.
    static func isAddressLiteral(_ text: Substring) -> Bool {
        let address = text.split(separator: "%", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard !address.isEmpty, address == String(text) || address.contains(":") else { return false }
        return ResolverAddress.isStrictIP(address)
    }
}
