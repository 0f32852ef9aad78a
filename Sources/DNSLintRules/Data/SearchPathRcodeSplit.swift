import DNSLintModel
import LDNS

/// DNS1014: A and AAAA of a name, or of a search-list expansion of it, disagree on whether it exists.
/// The verdict follows the clients' libc (each workload's among the inputs, else `--libc`).
struct SearchPathRcodeSplit: NameRule {
    let metadata = RuleMetadata(
        code: "DNS1014",
        name: "search-path-rcode-split",
        summary: "For a name or a search-list expansion of it, A and AAAA answers carry different rcodes (one NXDOMAIN, one NOERROR).",
        rationale: """
            getaddrinfo asks A and AAAA for each search-list candidate together and judges the pair, and glibc and \
            musl judge a split pair differently. Run for real (glibc 2.36 and musl 1.2.3 getaddrinfo, search \
            `ns.svc.cluster.local svc.cluster.local cluster.local`, ndots:5, looking up api.example.com against \
            a scripted server): when the NOERROR answer for a candidate carries records, glibc ends its walk \
            there — it fails with "Name or service not known" after those two queries when the records are only \
            a CNAME, and returns the candidate's addresses of one type, not the real name's, when there are \
            addresses. musl drops a candidate as soon as either type is NXDOMAIN, ignoring the other answer's \
            records, and walks on: it resolves the real name with the remaining queries, or fails with "Name \
            does not resolve" when the dropped candidate was the only one with data. When the NOERROR answer is \
            empty, both take it like NXDOMAIN and walk on, so the split is reported as a note. On the name itself \
            glibc returns the addresses of the NOERROR type only, and musl fails. In Kubernetes, with ndots:5, \
            every external name is first tried under the pod's search domains, so an inconsistent answer for \
            `NAME.<namespace>.svc.cluster.local` (from autopath, a stub domain or a cache holding one type longer \
            than the other) decides the lookup. The severity is that of the worst-hit client: each workload \
            among the inputs by its images (musl for Alpine-based ones), else --libc (glibc by default).
            """,
        remediation: "Make the server answer both types alike for names that do not exist (check autopath, rewrite and stub domains, and A/AAAA TTLs), or use fully qualified names with a trailing dot.",
        severity: .error,
        inputs: [.live],
        references: ["https://github.com/kubernetes/kubernetes/issues/56903", "https://github.com/coredns/coredns/issues/3765",
                     "RFC 8020", "man 5 resolv.conf (search, ndots)"],
        argumentKeys: [
            ArgumentKey("expanded", .string, "The search-list candidate whose A and AAAA rcodes differ."),
            ArgumentKey("searchDomain", .string, "The search domain that made the candidate."),
            ArgumentKey("aRcode", .string, "Rcode of the A answer for the candidate."),
            ArgumentKey("aaaaRcode", .string, "Rcode of the AAAA answer for the candidate."),
            ArgumentKey("noerrorRecords", .bool, "The NOERROR answer carries records (a CNAME or addresses)."),
            ArgumentKey("libcs", .strings, "The C libraries of the clients the verdict is for."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "A NXDOMAIN, AAAA NOERROR without records under the namespace domain: both libcs walk on (a note)"),
            RuleExample("triggering-2", caption: "AAAA NOERROR with only a CNAME: glibc fails the lookup (an error)"),
            RuleExample("triggering-3", arguments: ["--libc", "musl"], caption: "the same answers for musl clients (as for an Alpine workload among the inputs): musl walks on and resolves (a warning)"),
        ],
        clean: [
            RuleExample("clean-1", caption: "both types NXDOMAIN"),
        ]
    )

    func nameChecker(_ context: LintContext) -> NameChecker? {
        let clients = SearchClients(context)
        return { audit in self.check(audit, clients: clients) }
    }

    /// Whose lookups a split decides: for a candidate, the workloads whose search list has its domain; for
    /// the name itself, every workload; without such workloads, the client `--libc` stands for.
    struct SearchClients: Sendable {
        var workloads: [(domains: Set<String>, libcs: Set<Libc>)]
        var all: [Libc]
        var fallback: [Libc]

        init(_ context: LintContext) {
            workloads = context.inputs(of: ResolvConf.self).compactMap { conf in
                guard conf.pod != nil else { return nil }
                return (Set(conf.effective(for: .glibc).searchDomains.map(Self.key)), Set(context.clients(of: conf).map(\.libc)))
            }
            all = Libc.allCases.filter(context.clientLibcs().contains)
            fallback = [context.options.libc]
        }

        init(libcs: [Libc]) {
            workloads = []
            all = libcs
            fallback = libcs
        }

        func libcs(searching domain: DNSName) -> [Libc] {
            let found = workloads.filter { $0.domains.contains(Self.key(domain.text)) }.reduce(into: Set<Libc>()) { $0.formUnion($1.libcs) }
            return found.isEmpty ? fallback : Libc.allCases.filter(found.contains)
        }

        private static func key(_ domain: String) -> String {
            (domain.hasSuffix(".") ? String(domain.dropLast()) : domain).lowercased()
        }
    }

    func check(_ audit: NameAudit, clients: SearchClients) -> [Finding] {
        guard let recorded = audit.recorded else { return [] }
        let name = audit.subject.name
        var found = splitOnTheName(audit, recorded, libcs: clients.all).map { [$0] } ?? []
        let stem = String(name.text.dropLast())
        let candidates = recorded.search.map { DNSName(stem + "." + $0.text) }
        found += zip(recorded.search, candidates).compactMap { domain, expanded in
            let a = recorded.step(expanded, .a, edns: true)
            let aaaa = recorded.step(expanded, .aaaa, edns: true)
            guard let step = LibcSearchWalk.Step(a: a, aaaa: aaaa), step.isSplit, let a else { return nil }
            let libcs = clients.libcs(searching: domain)
            var verdicts = libcs.map { libc in
                libc == .glibc ? glibcAtCandidate(step, stem: stem)
                    : muslAtCandidate(step, LibcSearchWalk.muslRest(after: expanded, candidates: candidates, name: name, recorded), candidates: candidates, expanded: expanded)
            }
            if !step.noerrorHalfHasRecords {
                verdicts = [(.note, "glibc and musl both take the empty NOERROR like NXDOMAIN and walk on, so lookups are not affected; the answers still contradict each other (RFC 8020), and once the NOERROR answer carries a CNAME or an address, glibc stops there.")]
            }
            return finding(
                "\(expanded.text) gets \(rcodes(step)) from \(a.server)\(recordsClause(step)). " + verdicts.map(\.1).joined(separator: " "),
                at: audit.anchor, subject: DNSSubject(name: expanded.text, type: step.rcodes.a == 3 ? "AAAA" : "A", server: a.server),
                arguments: ["expanded": .string(expanded.text), "searchDomain": .string(domain.text),
                            "aRcode": .string(step.rcodeNames.a), "aaaaRcode": .string(step.rcodeNames.aaaa),
                            "noerrorRecords": .bool(step.noerrorHalfHasRecords), "libcs": .strings(libcs.map(\.rawValue))],
                severity: verdicts.map(\.0).max())
        }
        return found
    }

    private func glibcAtCandidate(_ step: LibcSearchWalk.Step, stem: String) -> (Severity, String) {
        switch LibcSearchWalk.glibc(step) {
        case .fails:
            (.error, "glibc ends its search walk for \(stem) there and fails (\"Name or service not known\") after those two queries, never trying the real name.")
        case .resolves(let types):
            (.error, "glibc ends its search walk for \(stem) there and returns this candidate's \(types.joined(separator: " and ")) addresses only, not the real name's.")
        case .next:
            (.note, "glibc walks on.")
        }
    }

    private func muslAtCandidate(_ step: LibcSearchWalk.Step, _ rest: (LibcSearchWalk.Outcome, DNSName)?, candidates: [DNSName], expanded: DNSName) -> (Severity, String) {
        let dropped = "musl drops the candidate on the NXDOMAIN, ignoring the other answer's records, and walks on"
        guard let (outcome, end) = rest else { return (.warning, dropped + "; the rest of its walk was not recorded.") }
        let position = candidates.firstIndex(of: end) ?? candidates.count
        let more = 2 * (position - (candidates.firstIndex(of: expanded) ?? 0))
        switch outcome {
        case .resolves:
            return (.warning, dropped + ": it resolves through \(end.text) after \(more) more queries, losing this candidate's answer.")
        case .fails, .next:
            return (.error, dropped + ": nothing later in its walk resolves, so the lookup fails (\"Name does not resolve\") although this candidate has records.")
        }
    }

    /// The audited name itself: NXDOMAIN says nothing exists there, NOERROR for the other type says it does.
    private func splitOnTheName(_ audit: NameAudit, _ recorded: RecordedQueries, libcs: [Libc]) -> Finding? {
        let name = audit.subject.name
        guard let a = recorded.step(name, .a, edns: true),
              let step = LibcSearchWalk.Step(a: a, aaaa: recorded.step(name, .aaaa, edns: true)), step.isSplit else { return nil }
        let types = step.addressTypes
        var verdicts: [(Severity, String)] = libcs.map { libc in
            libc == .glibc
                ? (.warning, "glibc returns only its \(types.joined(separator: " and ")) addresses.")
                : (.error, "musl takes the NXDOMAIN as the end of the name and fails (\"Name does not resolve\") although the \(types.joined(separator: " and ")) answer has addresses.")
        }
        if types.isEmpty {
            verdicts = [(.note, "Neither answer has an address, so glibc and musl find none either way.")]
        }
        return finding(
            "\(name.text) gets \(rcodes(step)) from \(a.server): the server says the name both does and does not exist, so resolvers cache the two halves apart. " + verdicts.map(\.1).joined(separator: " "),
            at: audit.anchor, subject: DNSSubject(name: name.text, type: step.rcodes.a == 3 ? "AAAA" : "A", server: a.server),
            arguments: ["expanded": .string(name.text), "aRcode": .string(step.rcodeNames.a), "aaaaRcode": .string(step.rcodeNames.aaaa),
                        "noerrorRecords": .bool(step.noerrorHalfHasRecords), "libcs": .strings(libcs.map(\.rawValue))],
            severity: verdicts.map(\.0).max())
    }

    private func rcodes(_ step: LibcSearchWalk.Step) -> String {
        "\(step.rcodeNames.a) for A but \(step.rcodeNames.aaaa) for AAAA"
    }

    private func recordsClause(_ step: LibcSearchWalk.Step) -> String {
        let type = step.rcodes.a == 0 ? "A" : "AAAA"
        if !step.noerrorHalfHasRecords { return " (the \(type) answer is empty)" }
        let types = step.addressTypes
        return types.isEmpty ? " (the \(type) answer holds only a CNAME chain)" : " (the \(type) answer has addresses)"
    }
}
