import DNSLintModel
import LDNS

/// DNS1020: `mx MX 10 192.0.2.1` is the name `192.0.2.1.example.com.`, not an address.
struct TargetIsAddress: Rule {
    let metadata = RuleMetadata(
        code: "DNS1020",
        name: "target-is-address",
        summary: "A CNAME, MX, NS or SRV target is written as an IP address, which these records cannot hold.",
        rationale: """
            CNAME, MX, NS and SRV records hold a host name, never an address (RFC 1035 3.3, RFC 2782). A zone \
            file still accepts `mx MX 10 192.0.2.1`: it reads the address as a relative name, \
            `192.0.2.1.example.com.`, which has no address, so mail, delegation or the service fails while the \
            zone loads cleanly. BIND's named-checkzone warns "MX is an address" for MX; the mistake is the same \
            for the other types.
            """,
        remediation: "Give the address a host name (`mail A 192.0.2.1`) and point the record at that name (`MX 10 mail`).",
        severity: .error,
        inputs: [.zone],
        references: ["RFC 1035 3.3", "RFC 2181 10.3", "RFC 2782", "RFC 1912 2.4"],
        argumentKeys: [
            ArgumentKey("written", .string, "The address as written."),
            ArgumentKey("target", .string, "The domain name the record points at instead."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "an MX with an IPv4 address and a CNAME with an IPv6 address"),
        ],
        clean: [
            RuleExample("clean-1", caption: "host names that hold the addresses"),
        ]
    )

    private static let checkedTypes: [RRType] = [.cname, .mx, .ns, .srv]

    func check(_ context: LintContext) -> [Finding] {
        var found: [Finding] = []
        for zone in context.zones {
            zone.forEachServedRecord(ofTypes: Self.checkedTypes) { record in
                let id = record.owner
                guard record.target >= 0, TargetWire.mayBeAddress(zone.wire(record.target)),
                      let target = WrittenTarget(record, in: zone) else { return }
                let family = AddressLiteral.isIPv4(target.text) ? "IPv4" : AddressLiteral.isIPv6(target.text) ? "IPv6" : nil
                guard let family else { return }
                found.append(finding(
                    "\(zone.name(id).text) \(record.type) is written with the \(family) address \(target.text) where a host name belongs, so it points at the name \(target.name.text) instead.",
                    at: zone.location(of: record), subject: zone.subject(id, record.type),
                    arguments: ["written": .string(target.text), "target": .string(target.name.text)]))
            }
        }
        return found
    }
}

/// Textual IP addresses, as `inet_pton` accepts them.
enum AddressLiteral {
    /// Dotted quad: four decimal numbers 0–255.
    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            (1...3).contains(part.count) && part.allSatisfy { $0.isASCII && $0.isNumber } && Int(part)! <= 255
        }
    }

    /// Eight groups of one to four hex digits; one `::` stands for one or more zero groups; the last two
    /// groups may be written as an IPv4 address (`::ffff:192.0.2.1`).
    static func isIPv6(_ text: String) -> Bool {
        guard text.contains(":"), text.count <= 45 else { return false }
        var hexForm = text
        if let lastColon = text.lastIndex(of: ":") {
            let tail = String(text[text.index(after: lastColon)...])
            if tail.contains(".") {
                guard isIPv4(tail) else { return false }
                hexForm = String(text[...lastColon]) + "0:0"
            }
        }
        let halves = hexForm.components(separatedBy: "::")
        func groups(_ part: String) -> [Substring]? {
            let groups = part.isEmpty ? [] : part.split(separator: ":", omittingEmptySubsequences: false)
            return groups.allSatisfy { (1...4).contains($0.count) && $0.allSatisfy(\.isHexDigit) } ? groups : nil
        }
        switch halves.count {
        case 1: return groups(hexForm)?.count == 8
        case 2:
            guard let left = groups(halves[0]), let right = groups(halves[1]) else { return false }
            return left.count + right.count <= 7
        default: return false
        }
    }
}
