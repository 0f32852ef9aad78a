import DNSLintModel
import LDNS
/// DNS3016: words after a nameserver's address, which resolvers ignore (a port there does nothing).
struct NameserverTrailingText: Rule {
    let metadata = RuleMetadata(
        code: "DNS3016",
        name: "nameserver-trailing-text",
        summary: "A nameserver line has text after its address; resolvers ignore it, so a port or a second address there does nothing.",
        rationale: """
            glibc and musl read the first word after `nameserver` and ignore the rest of the line. resolv.conf has \
            no port field: `nameserver 192.0.2.53 5353` queries port 53, whatever the author meant, and a second \
            address on the same line (`nameserver 192.0.2.1 192.0.2.2`) is never used as a fallback. The file \
            looks as if it said more than it does. A comment after the address (`# primary`) is ignored as \
            intended and not reported.
            """,
        remediation: "Give each server its own nameserver line; for a server on another port, put a local forwarder (systemd-resolved, dnsmasq, NodeLocal DNSCache) in front of it.",
        severity: .warning,
        inputs: [.resolvConf],
        references: [
            "https://man7.org/linux/man-pages/man5/resolv.conf.5.html",
            "https://sourceware.org/git/?p=glibc.git;a=blob;f=resolv/res_init.c",
            "https://git.musl-libc.org/cgit/musl/tree/src/network/resolvconf.c",
        ],
        argumentKeys: [
            ArgumentKey("address", .string, "The address the line gives the resolver."),
            ArgumentKey("ignored", .strings, "The words after it, which the resolver ignores."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "a port after the address"),
            RuleExample("triggering-2", caption: "two addresses on one line"),
        ],
        clean: [
            RuleExample("clean-1", caption: "a comment after the address"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.inputs(of: ResolvConf.self).flatMap { conf -> [Finding] in
            guard conf.pod == nil else { return [] }
            return conf.lines(.nameserver).compactMap { line in
                guard let address = line.values.first, ResolverAddress.isValid(address.text) || address.isPlaceholder else { return nil }
                let rest = Array(line.values.dropFirst().prefix { !$0.text.hasPrefix("#") && !$0.text.hasPrefix(";") })
                guard let first = rest.first else { return nil }
                let ignored = rest.map(\.text)
                let meaning: String
                if first.text.allSatisfy({ $0.isASCII && $0.isNumber }) && first.text.count <= 5 {
                    meaning = "resolv.conf has no port field, so the resolver queries \(address.text) on port 53"
                } else if ResolverAddress.isValid(first.text) {
                    meaning = "only the first address of a line is used, so \(first.text) is never queried; give it its own nameserver line"
                } else {
                    meaning = "the resolver reads only the address"
                }
                return finding(
                    "nameserver \(address.text) is followed by \(ignored.joined(separator: " ")), which glibc and musl ignore: \(meaning).",
                    at: first.location,
                    arguments: ["address": .string(address.text), "ignored": .strings(ignored)])
            }
        }
    }
}
