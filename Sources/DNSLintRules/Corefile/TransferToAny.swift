import DNSLintModel
import LDNS
/// DNS2014: zone transfers allowed to any address (`transfer { to * }`, or the old `transfer to *`).
struct TransferToAny: Rule {
    let metadata = RuleMetadata(
        code: "DNS2014",
        name: "transfer-to-any",
        summary: "Zone transfers are open to any address (`to *`): anyone who can reach the server can download every name of the zone.",
        rationale: """
            `to *` in the transfer plugin (or, before 1.8.0, `transfer to *` inside file, auto, secondary and \
            kubernetes) answers AXFR and IXFR from every client. For a cluster's kubernetes zone that lists every \
            service, pod IP and namespace; for an internal zone, every host name. It is the classic DNS information \
            leak, and the README examples that show `to *` are about secondaries on a private network. Transfers \
            should go to the listed secondaries only.
            """,
        remediation: "List the secondaries' addresses instead of `*` (`to 10.0.0.2 10.0.0.3`), or drop the transfer block when nothing transfers the zone.",
        severity: .warning,
        inputs: [.corefile],
        references: [
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/transfer/README.md",
            "RFC 5936 6",
        ],
        argumentKeys: [
            ArgumentKey("plugin", .string, "The plugin whose transfer setting it is (`transfer`, or `file`/`auto`/`secondary`/`kubernetes` before 1.8.0)."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "the transfer plugin open to every address"),
        ],
        clean: [
            RuleExample("clean-1", caption: "transfers to two named secondaries"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.inputs(of: Corefile.self).flatMap { corefile -> [Finding] in
            let removed = corefile.removedLines
            return corefile.serverBlocks.flatMap { block in
                block.directives.flatMap { directive in
                    Self.openTransfers(in: directive).filter { !removed.contains(CorefileLine($0.location)) }.map { star in
                        finding("\(directive.name) allows zone transfers to any address (`to *`): anyone who reaches the server can download every name in \(zones(of: directive, block: block)).",
                                at: star.location, arguments: ["plugin": .string(directive.name)])
                    }
                }
            }
        }
    }

    /// The `*` arguments of `to` lines: `transfer { to * }` and, inside file/auto/secondary/kubernetes, `transfer to *`.
    static func openTransfers(in directive: Corefile.Directive) -> [Corefile.Argument] {
        switch directive.name {
        case "transfer":
            return directive.options(named: "to").flatMap(\.arguments).filter { $0.text == "*" && !$0.quoted }
        case "file", "auto", "secondary", "kubernetes":
            return directive.options(named: "transfer").filter { $0.args.first == "to" }.flatMap(\.arguments).filter { $0.text == "*" && !$0.quoted }
        default:
            return []
        }
    }

    private func zones(of directive: Corefile.Directive, block: Corefile.ServerBlock) -> String {
        let listed = directive.name == "file" ? Array(directive.args.dropFirst()) : (directive.name == "transfer" || directive.name == "secondary" || directive.name == "auto" || directive.name == "kubernetes" ? directive.args : [])
        let zones = listed.isEmpty ? block.keys.map(\.text) : listed
        return zones.count == 1 ? "zone \(zones[0])" : "zones \(zones.joined(separator: ", "))"
    }
}
