import DNSLintModel
import LDNS

/// DNS1012: a server that answers EDNS queries with FORMERR or without an OPT record.
struct EDNSNotSupported: PerNameRule {
    let metadata = RuleMetadata(
        code: "DNS1012",
        name: "edns-not-supported",
        summary: "A server answered an EDNS query with FORMERR or without an OPT record, so answers over 512 bytes need TCP.",
        rationale: """
            Without EDNS (RFC 6891) a server can send at most 512 bytes over UDP; larger answers come back \
            truncated and every client must retry over TCP. Since DNS Flag Day 2019 resolvers no longer work \
            around servers that mishandle EDNS, so such a server also risks being treated as unreachable.
            """,
        remediation: "Upgrade or reconfigure the server (or the middlebox in front of it) to answer EDNS queries with an OPT record.",
        severity: .warning,
        inputs: [.live],
        references: ["RFC 6891 7", "https://www.dnsflagday.net/2019/", "https://www.dnsflagday.net/2020/"],
        argumentKeys: [
            ArgumentKey("rcode", .string, "Rcode of the reply to the EDNS query."),
            ArgumentKey("opt", .bool, "Whether the reply carried an OPT record."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "no OPT record in the replies to EDNS queries"),
            RuleExample("triggering-2", caption: "FORMERR to an EDNS query"),
        ],
        clean: [
            RuleExample("clean-1", caption: "an OPT record with EDNS, none without"),
        ]
    )

    func check(_ audit: NameAudit) -> [Finding] {
        guard let recorded = audit.recorded else { return [] }
        // One finding per name: the first EDNS query the server mishandled.
        let steps = recorded.steps()
        // By index: a copied exchange retained and released every part of its step for nearly every name.
        for index in steps.indices where steps[index].edns {
            guard let response = steps[index].step.udpResponse ?? steps[index].step.response else { continue }
            let formErr = response.rcodeValue == 1
            guard formErr || !response.opt else { continue }
            let item = steps[index]
            let how = formErr ? "with FORMERR" : "without an OPT record"
            return [finding(
                "\(item.step.server) answered the EDNS query for \(item.name.text) \(item.type) \(how): it does not support EDNS, so answers over 512 bytes need TCP.",
                at: audit.anchor, subject: DNSSubject(name: item.name.text, type: item.type.mnemonic, server: item.step.server),
                arguments: ["rcode": .string(response.rcode), "opt": .bool(response.opt)])]
        }
        return []
    }
}
