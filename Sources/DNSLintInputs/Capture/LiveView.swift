import DNSLintModel
import LDNS

/// What the network said, as a DNSView: answers are derived from recorded observations, so
/// the DNS data rules run unchanged on live data, and identically on a saved capture. It lives with the
/// capture reader, which the engine's live run shares, out of the rules' reach: they see its answers and
/// `NameAudit.recorded`, never the view's type.
package struct LiveView: DNSView {
    package let label: String
    package let mode: ProbeMode
    /// Search domains the names were expanded with.
    package let search: [DNSName]
    let names: [CapturedName]
    private let positions: [DNSName: Int]
    /// CNAME hops recorded per answer (`--max-cname-hops`).
    let maxCNAMEHops: Int

    /// Tests build a view of a few captured names with the default limit; runs pass theirs through `grouped`.
    package init(label: String, mode: ProbeMode, search: [DNSName] = [], names: [CapturedName],
                 maxCNAMEHops: Int = LintOptions.defaultMaxCNAMEHops) {
        self.label = label
        self.mode = mode
        self.search = search
        self.names = names
        self.maxCNAMEHops = maxCNAMEHops
        var positions: [DNSName: Int] = [:]
        for (index, record) in names.enumerated() { positions[DNSName(record.name)] = positions[DNSName(record.name)] ?? index }
        self.positions = positions
    }

    package var zone: (any ZoneContents)? { nil }
    package var subjectCount: Int { names.count }

    package func subject(at index: Int) -> AuditSubject {
        subject(names[index], LiveAnswers(record: names[index], maxCNAMEHops: maxCNAMEHops))
    }

    /// The name with the types asked beyond A and AAAA (its MX, NS, SRV, SOA when a zone declared them).
    private func subject(_ record: CapturedName, _ answers: LiveAnswers) -> AuditSubject {
        AuditSubject(name: DNSName(record.name), location: record.source.map { SourceLocation(path: $0.path, line: $0.line) },
                     otherTypes: answers.otherTypes)
    }

    package func answer(_ name: DNSName, _ type: RRType) -> DNSAnswer {
        guard let index = positions[name] else {
            return DNSAnswer(name: name, type: type, outcome: .failed("not asked"), rcode: nil)
        }
        return LiveAnswers(record: names[index], maxCNAMEHops: maxCNAMEHops).answer(name, type)
    }

    package func audit(at index: Int) -> NameAudit {
        let answers = LiveAnswers(record: names[index], maxCNAMEHops: maxCNAMEHops)
        let subject = subject(names[index], answers)
        return NameAudit(subject: subject, a: answers.answer(subject.name, .a), aaaa: answers.answer(subject.name, .aaaa),
                         others: subject.otherTypes.map { answers.answer(subject.name, $0) }, view: self,
                         recorded: RecordedQueries(search: search, answers: answers))
    }

    /// Groups finished names by the resolver they were asked on, as a capture loader does.
    package static func grouped(_ records: [CapturedName], mode: ProbeMode, search: [DNSName], maxCNAMEHops: Int) -> [LiveView] {
        var order: [String] = []
        var groups: [String: [CapturedName]] = [:]
        for record in records {
            if groups[record.server] == nil { order.append(record.server) }
            groups[record.server, default: []].append(record)
        }
        return order.map { server in
            LiveView(label: mode == .authoritative ? "authoritative servers" : "server \(server)", mode: mode,
                     search: search, names: groups[server] ?? [], maxCNAMEHops: maxCNAMEHops)
        }
    }
}
