import DNSLintModel
import LDNS
/// DNS2010: the same zone on the same listener in two server blocks (or twice in one).
struct DuplicateServerBlock: Rule {
    let metadata = RuleMetadata(
        code: "DNS2010",
        name: "duplicate-server-block",
        summary: "Two server block keys serve the same zone on the same transport, port and address, which CoreDNS refuses.",
        rationale: """
            CoreDNS routes each query to exactly one server block per listener, by zone. When two keys claim the same \
            zone and port (`.:53` twice, or `.` and `.:53`), CoreDNS stops with \"cannot serve dns://.:53 - it is \
            already defined\"; the same happens when one block binds all addresses and another binds one address for \
            the same zone and port (\"zone overlap listener capacity\"). Generated Corefiles and imported snippets \
            make this easy to do by accident.
            """,
        remediation: "Merge the two blocks, give one of them another port, or bind them to different addresses with `bind` in both.",
        severity: .error,
        inputs: [.corefile],
        references: [
            "https://github.com/coredns/coredns/blob/v1.14.7/core/dnsserver/register.go",
            "https://github.com/coredns/coredns/blob/v1.14.7/core/dnsserver/address.go",
        ],
        argumentKeys: [
            ArgumentKey("zone", .string, "The zone served twice, fully qualified."),
            ArgumentKey("port", .int, "The port of the clash, 0 when unknown."),
            ArgumentKey("transport", .string, "The transport of the clash (`dns`, `tls`, `https`, `grpc`, ...)."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "`.` defaults to port 53"),
        ],
        clean: [
            RuleExample("clean-1", caption: "different addresses, transports or ports"),
        ]
    )

    private struct Listener: Hashable {
        var transport: Corefile.Transport
        var zone: DNSName
        var port: Int?
        var address: String
    }

    func check(_ context: LintContext) -> [Finding] {
        context.inputs(of: Corefile.self).flatMap(check)
    }

    private func check(_ corefile: Corefile) -> [Finding] {
        var registered: [Listener: Corefile.ServerKey] = [:]
        var findings: [Finding] = []
        for block in corefile.serverBlocks where !block.has("view") {
            let bound = block.directives(named: "bind").flatMap(\.args).filter { $0 != "except" }
            let addresses = bound.isEmpty ? [""] : bound
            for key in block.keys where !key.isPlaceholder {
                keyLoop: for zone in key.zones {
                    for address in addresses {
                        let listener = Listener(transport: key.transport, zone: zone, port: key.port, address: address)
                        let unbound = Listener(transport: key.transport, zone: zone, port: key.port, address: "")
                        let clash = registered[listener] ?? registered[unbound]
                            ?? (address.isEmpty ? registered.first { $0.key.transport == key.transport && $0.key.zone == zone && $0.key.port == key.port }?.value : nil)
                        if let clash {
                            findings.append(finding(
                                "Server block key \(key.text) serves \(zone.text) on \(key.transport.rawValue) port \(key.port.map(String.init) ?? "?") again, so CoreDNS refuses to start.",
                                at: key.location, related: [RelatedLocation(message: "first defined by key \(clash.text)", location: clash.location)],
                                arguments: ["zone": .string(zone.text), "port": .int(key.port ?? 0), "transport": .string(key.transport.rawValue)]))
                            break keyLoop
                        } else {
                            registered[listener] = key
                        }
                    }
                }
            }
        }
        return findings
    }
}
