import DNSLintModel
import LDNS

/// DNS4002: an answer over 512 bytes without EDNS (DNS1010) that reaches clients through a CoreDNS forward —
/// a warning, and an error where TC can be lost on the way or the clients never retry over TCP.
struct TruncationReachesClient: NameRule {
    let metadata = RuleMetadata(
        code: "DNS4002",
        name: "truncation-reaches-client",
        summary: "An answer over 512 bytes without EDNS reaches clients through a CoreDNS forward: a warning (clients without EDNS must retry over TCP), an error where the answer can arrive truncated and unmarked, or at clients that never retry.",
        rationale: """
            DNS1010 says a name's answer does not fit 512 bytes without EDNS. Through CoreDNS, the server truncates \
            every such answer for a client without EDNS and sets TC, whatever the forward options, and cache never \
            stores a TC=1 answer, so a client that retries over TCP gets the whole answer: a warning, since every \
            lookup costs a TCP retry and fails where TCP/53 is blocked. The answer fails to reach the application \
            (an error) when TC is lost on the way and the forward takes the upstream's truncated answer as is (no \
            working `prefer_udp`, no `force_tcp`): forward before 1.8.0 could clear TC on an upstream-truncated \
            answer, ExternalName targets before 1.9.1, `template` before 1.9.0, `dns64` before 1.8.7 and \
            `rewrite ... cname` before 1.12.2 drop it, and then cache pins the partial answer for TCP retries too; \
            or when the clients have no TCP fallback (musl 1.2.3 and older, i.e. Alpine 3.17 and older) and get the \
            upstream's partial answer, often a CNAME with no address. With the Corefile's CoreDNS release unknown, \
            the rule assumes an affected one and says so. The name is routed as CoreDNS routes it (each Corefile's \
            most specific server block zone on a plain-DNS listener, then the forward's FROM and `except`; names a \
            `file` or `secondary` zone of the block answers never reach forward), directly or behind an ExternalName \
            service, a `rewrite` or a `template` CNAME. The size is the compressed size the server truncates by, \
            from zone data or live answers alike.
            """,
        remediation: "Add `prefer_udp` (CoreDNS 1.6.2 or later; retries over TCP on truncation) or `force_tcp` to the forward block, upgrade CoreDNS past the releases that lose TC, or make the answer fit: fewer records, a shorter CNAME chain.",
        severity: .warning,
        inputs: [.corefile, .manifest, .zone, .live],
        references: [
            "https://github.com/coredns/coredns/issues/4183",
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/forward/README.md",
            "https://github.com/coredns/coredns/blob/v1.14.7/core/dnsserver/server.go",
            "https://musl.libc.org/releases.html",
            "RFC 1035 4.2.1",
            "RFC 7766",
        ],
        argumentKeys: ArgumentKey.judgedVersion + [
            ArgumentKey("bytes", .int, "Size of the answer without EDNS in bytes, 0 when only the TC flag is known."),
            ArgumentKey("type", .string, "The query type of the oversized answer."),
            ArgumentKey("serverBlock", .string, "The server block whose forward handles the name."),
            ArgumentKey("forward", .string, "The forward line, as written."),
            ArgumentKey("via", .string, "How the name reaches the forward: direct, externalName, rewrite or template."),
            ArgumentKey("simulate", .string, "The `dnslint simulate` arguments that show what clients get over time and which remedy ends it."),
            ArgumentKey("tcLoss", .strings, "Why TC can be lost on that path (an error)."),
            ArgumentKey("clients", .string, "The clients without TCP fallback among the inputs (an error)."),
        ],
        triggering: [
            RuleExample("triggering-1", arguments: ["--coredns-version", "1.14.7"], caption: "36 A records behind a CNAME through forward: a warning for the name and the CNAME target"),
            RuleExample("triggering-2", caption: "the seed incident: CoreDNS 1.6.6 (from the Deployment's image), an ExternalName service for the cache endpoint, no prefer_udp: an error"),
            RuleExample("triggering-3", arguments: ["--coredns-version", "1.14.7"], caption: "prefer_udp does not make the answer fit: still a warning"),
            RuleExample("triggering-4", caption: "no version anywhere: an error under the assumption of a release that loses TC, and it says so"),
            RuleExample("triggering-5", arguments: ["--coredns-version", "1.14.7", "--libc", "musl"], caption: "musl clients never retry over TCP: an error"),
        ],
        clean: [
            RuleExample("clean-1", arguments: ["--coredns-version", "1.14.7"], caption: "the answer fits in 512 bytes"),
            RuleExample("clean-2", arguments: ["--coredns-version", "1.14.7"], caption: "the zone is answered by its own server block, not forwarded"),
        ]
    )

    /// Runs in the engine's single name pass; nil when no Corefile forwards.
    func nameChecker(_ context: LintContext) -> NameChecker? {
        guard let router = ForwardRouter(context) else { return nil }
        let clients = context.clientsWithoutTCPFallback
        return { audit in
            // The data condition first: it is cheaper than routing, and most names do not meet it.
            let oversized = audit.allAnswers.filter(AnswerExceeds512.isOversized)
            guard !oversized.isEmpty else { return [] }
            let name = audit.subject.name
            return oversized.compactMap { answer -> Finding? in
                let paths = router.paths(for: name, type: answer.type)
                guard !paths.isEmpty else { return nil }
                let judged = paths.map { path -> (path: ForwardPath, severity: Severity) in (path, self.severity(of: path, clients: clients)) }
                let worst = judged.max { $0.severity < $1.severity } ?? judged[0]
                return self.finding(for: answer, audit: audit, path: worst.path, severity: worst.severity, clients: clients,
                                    related: paths)
            }
        }
    }

    private func severity(of path: ForwardPath, clients: String?) -> Severity {
        path.passesTruncation && (!path.lossCauses.isEmpty || clients != nil) ? .error : .warning
    }

    private func finding(for answer: DNSAnswer, audit: NameAudit, path: ForwardPath, severity: Severity, clients: String?,
                         related paths: [ForwardPath]) -> Finding {
        let version = path.corefile.coreDNS
        let size = answer.sizeWithoutEDNS.map { "\($0.bytes) bytes" } ?? "over 512 bytes (TC set)"
        var message = "The \(answer.type) answer for \(audit.subject.name.text) is \(size) without EDNS and reaches clients through '\(path.forward.directive.summary)' in CoreDNS server block \(path.title)\(path.viaText)."
        var arguments = version.arguments()
        if severity == .error {
            if path.passesTruncation && !path.lossCauses.isEmpty {
                arguments["tcLoss"] = .strings(path.lossCauses)
                let on = version.isKnown ? "On \(version.name)" : "CoreDNS version unknown (pass --coredns-version or set coredns-version in the config): assuming an affected release"
                let assumption = version.isKnown ? nil : "CoreDNS version unknown: this applies before the releases that keep TC (\(path.lossCauses.joined(separator: "; "))); pass --coredns-version or set coredns-version in the config"
                if let assumption { arguments["assumption"] = .string(assumption) }
                message += " \(on), \(path.lossCauses.joined(separator: "; ")), and the forward passes the upstream's truncated answer on without prefer_udp or force_tcp: clients take the partial answer as complete, and cache keeps it for their TCP retries too."
            } else if let clients {
                arguments["clients"] = .string(clients)
                message += " The forward passes the upstream's truncated answer on without prefer_udp or force_tcp, and \(clients): they get a 512-byte partial answer, often a CNAME with no address."
            }
        } else {
            message += " Clients without EDNS get it truncated with TC set and must retry over TCP (and fail where TCP/53 is blocked)."
        }
        arguments["bytes"] = .int(answer.sizeWithoutEDNS?.bytes ?? 0)
        arguments["type"] = .string(answer.type.mnemonic)
        arguments["serverBlock"] = .string(path.block.title)
        arguments["forward"] = .string(path.forward.directive.summary)
        arguments["via"] = .string(path.viaKind)
        arguments["simulate"] = .string(SimulatePointer.arguments(for: audit.subject.name))
        var related: [RelatedLocation] = []
        var seen: Set<SourceLocation> = []
        for other in paths where seen.insert(other.forward.directive.location).inserted {
            let options = other.passesTruncation ? "has neither prefer_udp nor force_tcp" : "retries truncated answers over TCP itself"
            related.append(other.forward.directive.related("\(other.forward.directive.summary) in server block \(other.title) \(options)"))
        }
        related += path.viaRelated + version.related + audit.related(answer)
        return self.finding(message + SimulatePointer.sentence(for: audit.subject.name), at: audit.anchor,
                            subject: audit.dnsSubject(answer.type, server: answer.server),
                            related: related, arguments: arguments, severity: severity)
    }
}

extension ForwardPath {
    var viaKind: String {
        switch via {
        case .direct: "direct"
        case .externalName: "externalName"
        case .rewrite: "rewrite"
        case .template: "template"
        }
    }
}
