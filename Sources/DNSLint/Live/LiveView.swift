import LDNS

/// What the network said, as a DNSView: answers are derived from recorded observations, so
/// the DNS data rules run unchanged on live data, and identically on a saved capture.
public struct LiveView: DNSView {
    public let label: String
    public let mode: ProbeMode
    /// Search domains the names were expanded with.
    public let search: [DNSName]
    let names: [CapturedName]
    private let positions: [DNSName: Int]

    public init(label: String, mode: ProbeMode, search: [DNSName] = [], names: [CapturedName]) {
        self.label = label
        self.mode = mode
        self.search = search
        self.names = names
        var positions: [DNSName: Int] = [:]
        for (index, record) in names.enumerated() { positions[DNSName(record.name)] = positions[DNSName(record.name)] ?? index }
        self.positions = positions
    }

    public var zoneOrigin: DNSName? { nil }
    public var subjectCount: Int { names.count }

    public func subject(at index: Int) -> AuditSubject {
        let record = names[index]
        return AuditSubject(name: DNSName(record.name),
                            location: record.source.map { SourceLocation(path: $0.path, line: $0.line) })
    }

    public func answer(_ name: DNSName, _ type: RRType) -> DNSAnswer {
        guard let index = positions[name] else {
            return DNSAnswer(name: name, type: type, outcome: .failed("not asked"), rcode: nil)
        }
        return LiveAnswers(record: names[index]).answer(name, type)
    }

    public func audit(at index: Int) -> NameAudit {
        let subject = subject(at: index)
        let answers = LiveAnswers(record: names[index])
        return NameAudit(subject: subject, a: answers.answer(subject.name, .a), aaaa: answers.answer(subject.name, .aaaa),
                         others: [], view: self)
    }

    /// The recorded queries of an audited name, for rules that read more than answers.
    func answers(for name: DNSName) -> LiveAnswers? {
        positions[name].map { LiveAnswers(record: names[$0]) }
    }
}
