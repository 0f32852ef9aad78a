import DNSLintModel
import LDNS
/// DNS2005: forward to plain-DNS upstreams with neither prefer_udp nor force_tcp. A note on its own; a warning
/// where the truncated answer it passes on can lose its TC bit or reach clients that never retry over TCP.
struct ForwardPassesTruncation: NameRule {
    let metadata = RuleMetadata(
        code: "DNS2005",
        name: "forward-passes-truncation",
        summary: "A forward (or proxy) line sends queries to plain-DNS upstreams without `prefer_udp` or `force_tcp`, so an answer the upstream truncates goes back to the client as is.",
        rationale: """
            By default forward asks upstreams over the protocol the client used. When a UDP answer does not fit, \
            the upstream truncates it and forward hands that answer back; only with `prefer_udp` (working from \
            1.6.2; its retry was dead code in 1.5.0–1.6.1) does forward retry over TCP itself, and with `force_tcp` \
            it never sees truncation. On its own that is harmless, hence a note: the answer keeps TC, cache never \
            stores a TC=1 answer, and a client that retries over TCP gets the whole answer (CoreDNS truncates every \
            answer over a non-EDNS client's 512 bytes anyway, whatever the forward options; `bufsize` does nothing \
            for such a client). It becomes a warning where the answer does not arrive: an answer through the forward \
            is over 512 bytes (compressed, as the server truncates it); the judged release loses TC (forward before \
            1.8.0 could clear it on an upstream-truncated answer; in the same block kubernetes ExternalName and etcd \
            targets before 1.9.1, template before 1.9.0, dns64 before 1.8.7, k8s_external before 1.9.2 and \
            `rewrite ... cname` before 1.12.2 drop it, and then cache pins the partial answer for TCP retries too); or \
            the clients have no TCP fallback (musl 1.2.3 and older, i.e. Alpine 3.17 and older; busybox nslookup). \
            It is never an error alone (DNS4002 is the error, for a name that is actually affected). With the \
            release unknown, the note says which releases it would be a warning on. Upstreams over TLS, gRPC or \
            HTTPS are not affected.
            """,
        remediation: "Add `prefer_udp` to the forward block (UDP first, TCP retry on truncation; CoreDNS 1.6.2 or later), or `force_tcp` when the upstream handles TCP load; proxy has no retry, so migrate it to forward.",
        severity: .note,
        inputs: [.corefile, .manifest, .zone, .live],
        references: [
            "https://github.com/coredns/coredns/issues/4183",
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/forward/README.md",
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/forward/forward.go",
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/cache/cache.go",
            "RFC 7766",
        ],
        argumentKeys: ArgumentKey.judgedVersion + [
            ArgumentKey("plugin", .string, "`forward` or `proxy`."),
            ArgumentKey("upstreams", .strings, "The plain-DNS upstreams (addresses or resolv.conf paths) that can truncate."),
            ArgumentKey("tcLoss", .strings, "Why TC can be lost on the judged release (a warning)."),
            ArgumentKey("escalatesBefore", .string, "With the release unknown: the release before which this would be a warning."),
            ArgumentKey("clients", .string, "The clients without TCP fallback among the inputs (a warning)."),
            ArgumentKey("largeAnswer", .string, "An answer through this forward over 512 bytes, NAME/TYPE (a warning)."),
            ArgumentKey("largeAnswerBytes", .int, "Its size without EDNS in bytes, 0 when only the TC flag is known."),
        ],
        triggering: [
            RuleExample("triggering-1", arguments: ["--coredns-version", "1.14.7"], caption: "the stock kubeadm forward line: a note"),
            RuleExample("triggering-2", arguments: ["--coredns-version", "1.14.7"], caption: "one plain upstream among TLS ones: a note"),
            RuleExample("triggering-3", arguments: ["--coredns-version", "1.6.6"], caption: "CoreDNS 1.6.6 can clear TC: a warning"),
            RuleExample("triggering-4", arguments: ["--coredns-version", "1.14.7"], caption: "an answer through it is over 512 bytes: a warning"),
            RuleExample("triggering-5", arguments: ["--coredns-version", "1.14.7", "--libc", "musl"], caption: "musl clients never retry over TCP: a warning"),
        ],
        clean: [
            RuleExample("clean-1", arguments: ["--coredns-version", "1.14.7"]),
            RuleExample("clean-2", arguments: ["--coredns-version", "1.6.1"], caption: "force_tcp on a release whose prefer_udp retry was dead code"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        let clients = context.clientsWithoutTCPFallback
        return context.inputs(of: Corefile.self).flatMap { corefile -> [Finding] in
            let version = corefile.coreDNS
            let removed = corefile.removedLines
            return corefile.serverBlocks.flatMap { block in
                block.forwardsPassingTruncation(on: version).filter { !removed.contains(CorefileLine($0.directive.location)) }.map { forward in
                    finding(for: forward, in: block, version: version, clients: clients)
                }
            }
        }
    }

    private func finding(for forward: ForwardSettings, in block: Corefile.ServerBlock, version: JudgedCoreDNSVersion,
                         clients: String?) -> Finding {
        var arguments = version.arguments()
        arguments["upstreams"] = .strings(forward.plainUpstreams.map(\.text))
        arguments["plugin"] = .string(forward.directive.name)
        let without = forward.preferUDPIsDead(on: version)
            ? "with a prefer_udp whose TCP retry only works from \(TruncationFacts.preferUDPWorksSince), and without force_tcp"
            : "without prefer_udp or force_tcp"
        var message = "\(forward.directive.summary) sends UDP queries to plain-DNS upstreams \(without), so an answer the upstream truncates goes back to the client as is, with TC set."
        var reasons: [String] = []
        if version.isKnown {
            let causes = TruncationFacts.lossCauses(in: block, on: version)
            if !causes.isEmpty {
                arguments["tcLoss"] = .strings(causes)
                reasons.append("On \(version.name), \(causes.joined(separator: "; ")): a client can take the partial answer as complete, and cache keeps it for TCP retries too")
            }
        } else {
            let bound = TruncationFacts.lastAffectedBound(in: block)
            let assumption = "CoreDNS version unknown: this would be a warning before \(bound) (\(Self.lossSummary(in: block))); pass --coredns-version or set coredns-version in the config"
            arguments["assumption"] = .string(assumption)
            arguments["escalatesBefore"] = .string(bound.description)
            message += " \(assumption)."
        }
        if let clients {
            arguments["clients"] = .string(clients)
            reasons.append("\(clients), so they use the partial answer")
        }
        if reasons.isEmpty {
            message += " A client that retries over TCP still gets the whole answer."
        } else {
            message += " " + reasons.joined(separator: ". ") + "."
        }
        return finding(message, at: forward.directive.location, related: version.related, arguments: arguments,
                       severity: reasons.isEmpty ? .note : .warning)
    }

    /// What loses TC on which releases in `block`, e.g. `forward before 1.8.0, kubernetes (...) before 1.9.1`.
    static func lossSummary(in block: Corefile.ServerBlock) -> String {
        (["CoreDNS before \(TruncationFacts.forwardKeepsTCSince) can clear TC on upstream-truncated answers"]
            + TruncationFacts.losses(in: block).map { "\($0.loss.what) in this block drops TC before \($0.loss.fixedIn)" })
            .joined(separator: "; ")
    }

    /// The name pass: an answer over 512 bytes routed through a forward that passes truncation marks that
    /// forward's line; `merge` folds the marks into the line's finding.
    func nameChecker(_ context: LintContext) -> NameChecker? {
        guard let router = ForwardRouter(context) else { return nil }
        return { audit in
            let oversized = audit.allAnswers.filter(AnswerExceeds512.isOversized)
            guard !oversized.isEmpty else { return [] }
            return oversized.flatMap { answer in
                var seen: Set<SourceLocation> = []
                return router.paths(for: audit.subject.name, type: answer.type).filter { $0.passesTruncation && seen.insert($0.forward.directive.location).inserted }
                    .map { path in
                        finding("mark", at: path.forward.directive.location, arguments: [
                            "largeAnswer": .string("\(audit.subject.name.text)/\(answer.type.mnemonic)"),
                            "largeAnswerBytes": .int(answer.sizeWithoutEDNS?.bytes ?? 0),
                        ], severity: .warning)
                    }
            }
        }
    }

    /// Raises each forward line's finding to a warning when the name pass marked it, naming the largest answer.
    func merge(_ findings: inout [Finding]) {
        let code = metadata.code
        var marks: [SourceLocation: (name: String, bytes: Int)] = [:]
        for finding in findings where finding.ruleCode == code {
            guard let location = finding.location, case .string(let name)? = finding.arguments["largeAnswer"],
                  finding.message == "mark" else { continue }
            let bytes: Int = if case .int(let value)? = finding.arguments["largeAnswerBytes"] { value } else { 0 }
            if let known = marks[location], known.bytes > bytes || (known.bytes == bytes && known.name <= name) { continue }
            marks[location] = (name, bytes)
        }
        guard !marks.isEmpty else { return }
        findings.removeAll { $0.ruleCode == code && $0.message == "mark" && $0.arguments["largeAnswer"] != nil }
        for index in findings.indices where findings[index].ruleCode == code {
            guard let location = findings[index].location, let mark = marks[location] else { continue }
            findings[index].severity = max(findings[index].severity, .warning)
            findings[index].arguments["largeAnswer"] = .string(mark.name)
            findings[index].arguments["largeAnswerBytes"] = .int(mark.bytes)
            let size = mark.bytes > 0 ? "\(mark.bytes) bytes" : "truncated"
            findings[index].message += " And the answer for \(mark.name) through it is \(size) without EDNS, over 512 bytes: every client without EDNS gets it truncated and depends on that retry (DNS4002 tells what they get)."
        }
    }
}
