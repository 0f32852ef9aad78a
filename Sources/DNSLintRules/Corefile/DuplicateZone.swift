import DNSLintModel
import LDNS
/// DNS2013: the same zone twice in one plugin's zone list.
struct DuplicateZone: Rule {
    let metadata = RuleMetadata(
        code: "DNS2013",
        name: "duplicate-zone",
        summary: "A plugin's zone list names the same zone twice: harmless to CoreDNS, but almost always a template that rendered one value where two were meant.",
        rationale: """
            kubernetes, k8s_external, etcd, file, auto, secondary, hosts, cache, template and dnssec take a list of \
            zones. Writing one twice changes nothing for CoreDNS, which is why it goes unnoticed — rke2-coredns \
            renders `kubernetes cluster.local cluster.local in-addr.arpa ip6.arpa` when its cluster domain value is \
            the default. The second entry was usually meant to be another zone (a reverse zone, a custom cluster \
            domain), which is then not served by the plugin at all. Zones are compared as CoreDNS normalises them: \
            case and the trailing dot do not matter.
            """,
        remediation: "Remove the duplicate, or write the zone that was meant (fix the template value that rendered it).",
        severity: .warning,
        inputs: [.corefile],
        references: [
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/kubernetes/README.md",
            "https://github.com/submariner-io/lighthouse/issues/1602",
        ],
        argumentKeys: [
            ArgumentKey("plugin", .string, "The plugin whose zone list it is."),
            ArgumentKey("zone", .string, "The zone listed twice, fully qualified."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "the rendered rke2-coredns kubernetes line"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    /// Where each plugin's zone list starts among its arguments (nil: the plugin takes no zone list).
    static func zoneArguments(of directive: Corefile.Directive) -> ArraySlice<Corefile.Argument>? {
        let arguments = directive.arguments[...]
        switch directive.name {
        case "kubernetes", "k8s_external", "etcd", "secondary", "dnssec", "auto": return arguments
        case "file": return arguments.dropFirst()
        case "hosts": return arguments.dropFirst()
        case "template": return arguments.dropFirst(2)
        case "cache": return Int(arguments.first?.text ?? "") != nil ? arguments.dropFirst() : arguments
        default: return nil
        }
    }

    func check(_ context: LintContext) -> [Finding] {
        context.corefileBlocks.flatMap { _, block in
            block.directives.flatMap { directive -> [Finding] in
                guard let zones = Self.zoneArguments(of: directive) else { return [] }
                var seen: [DNSName: Corefile.Argument] = [:]
                var found: [Finding] = []
                for argument in zones where !argument.isUnknownValue && !argument.quoted {
                    let zone = DNSName(argument.text)
                    if let first = seen[zone] {
                        found.append(finding(
                            "\(directive.name) lists the zone \(zone.text) twice: CoreDNS ignores the repeat, so a zone meant here (another cluster domain, a reverse zone?) is not served by \(directive.name).",
                            at: argument.location, related: [RelatedLocation(message: "first listed here", location: first.location)],
                            arguments: ["plugin": .string(directive.name), "zone": .string(zone.text)]))
                    } else {
                        seen[zone] = argument
                    }
                }
                return found
            }
        }
    }
}
