import DNSLintModel
/// Whether a file's first lines read as a zone file: directives (`$ORIGIN`, `$TTL`, `$INCLUDE`) and records,
/// nothing else. Prose that mentions `$ORIGIN` (a README, notes) is not a zone, however often it says so.
enum ZoneSniffer {
    /// Types a zone written by hand or by a tool is likely to start with.
    static let recordTypes: Set<String> = [
        "A", "AAAA", "NS", "SOA", "CNAME", "DNAME", "MX", "TXT", "SPF", "SRV", "PTR", "CAA", "DS", "DNSKEY", "RRSIG",
        "NSEC", "NSEC3", "NSEC3PARAM", "HINFO", "NAPTR", "SSHFP", "TLSA", "SVCB", "HTTPS", "LOC", "CDS", "CDNSKEY",
        "CERT", "OPENPGPKEY", "SMIMEA", "URI", "ZONEMD", "AFSDB", "RP", "KX", "DHCID", "APL",
    ]
    static let classes: Set<String> = ["IN", "CH", "HS", "CS"]
    static let directives: Set<String> = ["$ORIGIN", "$TTL", "$INCLUDE", "$GENERATE"]

    /// Looks at up to 64 significant lines: every one must be a directive or a record, and at least one a
    /// record (or an `$INCLUDE`, for a zone that is only includes).
    static func looksLikeZone(_ text: String) -> Bool {
        var records = 0
        var depth = 0
        var significant = 0
        for raw in TextLines.split(text) where !raw.isEmpty {
            let line = stripComment(raw)
            let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard !tokens.isEmpty else { continue }
            defer { depth = max(0, depth + line.count { $0 == "(" } - line.count { $0 == ")" }) }
            // Inside the parentheses of a multi-line record (an SOA): data, not a new line to judge.
            if depth > 0 { continue }
            significant += 1
            if significant > 64 { break }
            let first = tokens[0].uppercased()
            if first.hasPrefix("$") {
                guard directives.contains(first) else { return false }
                if first == "$INCLUDE" { records += 1 }
                continue
            }
            guard isRecord(tokens.map { String($0) }, ownerOmitted: raw.first == " " || raw.first == "\t") else { return false }
            records += 1
        }
        return records > 0
    }

    /// `[owner] [ttl] [class] TYPE rdata`, in either order of ttl and class, with rdata present. An IP address
    /// is never taken for an owner: `10.0.0.53 ns ns.corp.example` is a hosts line, not an NS record.
    static func isRecord(_ tokens: [String], ownerOmitted: Bool) -> Bool {
        var index = 0
        if !ownerOmitted, let first = tokens.first, !isType(first), !isTTL(first), !classes.contains(first.uppercased()) {
            if PassedOver.isAddressLiteral(Substring(first)) { return false }
            index = 1
        }
        var prefixes = 0
        while index < tokens.count, prefixes < 2, isTTL(tokens[index]) || classes.contains(tokens[index].uppercased()) {
            index += 1
            prefixes += 1
        }
        return index + 1 < tokens.count && isType(tokens[index])
    }

    static func isType(_ token: String) -> Bool {
        let upper = token.uppercased()
        return recordTypes.contains(upper) || (upper.hasPrefix("TYPE") && upper.count > 4 && upper.dropFirst(4).allSatisfy(\.isNumber))
    }

    /// `3600`, `1h`, `1h30m`, `2w`: BIND's TTL spellings.
    static func isTTL(_ token: String) -> Bool {
        guard let first = token.first, first.isNumber else { return false }
        return token.allSatisfy { $0.isNumber || "smhdwSMHDW".contains($0) }
    }

    /// The line without its `;` comment (a `;` inside quotes is text).
    private static func stripComment(_ line: Substring) -> Substring {
        var quoted = false
        var previous: Character = " "
        for index in line.indices {
            let character = line[index]
            if character == "\"", previous != "\\" { quoted.toggle() }
            if character == ";", !quoted { return line[..<index] }
            previous = character
        }
        return line
    }
}
