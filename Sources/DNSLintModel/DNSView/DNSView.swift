import LDNS

/// A name a view audits, with where it was declared (the zone line, the names file line).
package struct AuditSubject: Sendable, Hashable {
    package var name: DNSName
    package var location: SourceLocation?
    /// Types to ask beyond A and AAAA (for a zone: the other types present at the name).
    package var otherTypes: [RRType]

    package init(name: DNSName, location: SourceLocation?, otherTypes: [RRType] = []) {
        self.name = name
        self.location = location
        self.otherTypes = otherTypes
    }
}

/// "What is the answer to NAME/TYPE?" — answered by a zone index offline or by servers live.
/// Data rules ask only this, so one rule id fires for a zone file in CI and a live name at night.
package protocol DNSView: Sendable {
    /// Human label: `zone example.com. (zones/example.com.zone)` or `server 127.0.0.1:5300`.
    var label: String { get }
    /// The zone file this view answers from, as written; nil for answers from servers (live or a capture).
    /// Rules that judge a zone's records beside its answers (DNS1001's IPv4-only zones) reach them here.
    var zone: (any ZoneContents)? { get }
    var subjectCount: Int { get }
    func subject(at index: Int) -> AuditSubject
    func answer(_ name: DNSName, _ type: RRType) -> DNSAnswer
    /// The subject at `index` with its answers; views may override for speed.
    func audit(at index: Int) -> NameAudit
    /// Whether the name pass keeps this view's findings compact, to be made again from the view when read
    /// (`FindingDerivation`): for views that stay in memory until the report is written anyway.
    var rederivesFindings: Bool { get }
}

extension DNSView {
    /// Live views come and go batch by batch: their findings are kept whole.
    package var rederivesFindings: Bool { false }

    /// The apex a zone view judges; nil for live views.
    package var zoneOrigin: DNSName? { zone?.origin }

    package func audit(at index: Int) -> NameAudit {
        let subject = subject(at: index)
        return NameAudit(subject: subject, a: answer(subject.name, .a), aaaa: answer(subject.name, .aaaa),
                         others: subject.otherTypes.map { answer(subject.name, $0) }, view: self)
    }
}

/// One audited name with its answers, handed to every `NameRule`.
package struct NameAudit: Sendable {
    package var subject: AuditSubject
    package var a: DNSAnswer
    package var aaaa: DNSAnswer
    package var others: [DNSAnswer]
    package var view: any DNSView
    /// The queries behind the answers, when they came from servers (live or a capture); nil for zone files.
    package var recorded: RecordedQueries?

    package init(subject: AuditSubject, a: DNSAnswer, aaaa: DNSAnswer, others: [DNSAnswer], view: any DNSView,
                 recorded: RecordedQueries? = nil) {
        self.subject = subject
        self.a = a
        self.aaaa = aaaa
        self.others = others
        self.view = view
        self.recorded = recorded
    }

    package var allAnswers: [DNSAnswer] { [a, aaaa] + others }

    /// The answer to another name (a record's target) as this audit's source gives it: from the queries
    /// recorded for this name when they asked it (live: the prober asks the targets of a name's MX, NS, SRV and
    /// SOA records with the name, so each name's observations stand alone in a capture and in any batch), else
    /// from the view (a zone answers every name it holds).
    package func answer(_ name: DNSName, _ type: RRType) -> DNSAnswer {
        recorded?.answer(name, type) ?? view.answer(name, type)
    }

    /// Where to anchor a finding about this name: its declaring line, else the first record that answered.
    package var anchor: SourceLocation? {
        subject.location ?? a.chain.first?.origin.location ?? a.records.first?.origin.location
    }
}
