import DNSLintModel
import LDNS
/// DNS2012: one forward line lists the same upstream twice.
struct DuplicateUpstream: Rule {
    let metadata = RuleMetadata(
        code: "DNS2012",
        name: "duplicate-upstream",
        summary: "A forward line lists the same upstream twice, so that server gets a double share of the queries and the redundancy the list seems to give is not there.",
        rationale: """
            forward keeps one proxy per listed upstream, with its own health checks. The same server written twice \
            (`10.0.0.11` and `10.0.0.11:53`, or one resolv.conf path twice) counts twice: `random` and `round_robin` \
            send it twice its share, and with `sequential` the second copy only ever gets queries when the first \
            is already marked down. Usually the list was meant to hold another server, which is missing. Addresses \
            are compared as CoreDNS dials them: `dns://` dropped, port 53 by default, IPv6 with or without brackets.
            """,
        remediation: "Remove the duplicate, or replace it with the upstream that was meant.",
        severity: .warning,
        inputs: [.corefile],
        references: [
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/forward/README.md",
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/forward/setup.go",
        ],
        argumentKeys: [
            ArgumentKey("upstream", .string, "The upstream listed twice, as CoreDNS dials it."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "one address written with and without its default port"),
        ],
        clean: [
            RuleExample("clean-1", caption: "the same IPv6 host on two ports is two upstreams"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.inputs(of: Corefile.self).flatMap { corefile -> [Finding] in
            let removed = corefile.removedLines
            return corefile.serverBlocks.flatMap { block in
                block.forwards.filter { !removed.contains(CorefileLine($0.directive.location)) }.flatMap(duplicates)
            }
        }
    }

    private func duplicates(in forward: ForwardSettings) -> [Finding] {
        var seen: [String: Corefile.Argument] = [:]
        var found: [Finding] = []
        for argument in forward.directive.arguments.dropFirst() where !argument.isUnknownValue {
            let key = UpstreamAddress(argument)?.text ?? argument.text
            if let first = seen[key] {
                found.append(finding(
                    "\(forward.directive.summary) lists the upstream \(key) twice: it gets a double share of the queries, and the list has one server fewer than it seems.",
                    at: argument.location, related: [RelatedLocation(message: "first listed here as \(first.text)", location: first.location)],
                    arguments: ["upstream": .string(key)]))
            } else {
                seen[key] = argument
            }
        }
        return found
    }
}
