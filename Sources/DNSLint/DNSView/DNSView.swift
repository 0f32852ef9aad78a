import LDNS

/// A name a view audits, with where it was declared (the zone line, the names file line).
public struct AuditSubject: Sendable, Hashable {
    public var name: DNSName
    public var location: SourceLocation?
    /// Types to ask beyond A and AAAA (for a zone: the other types present at the name).
    public var otherTypes: [RRType]

    public init(name: DNSName, location: SourceLocation?, otherTypes: [RRType] = []) {
        self.name = name
        self.location = location
        self.otherTypes = otherTypes
    }
}

/// "What is the answer to NAME/TYPE?" — answered by a zone index offline or by servers live.
/// Data rules ask only this, so one rule id fires for a zone file in CI and a live name at night.
public protocol DNSView: Sendable {
    /// Human label: `zone example.com. (zones/example.com.zone)` or `server 127.0.0.1:5300`.
    var label: String { get }
    /// The apex a zone view judges; nil for live views.
    var zoneOrigin: DNSName? { get }
    var subjectCount: Int { get }
    func subject(at index: Int) -> AuditSubject
    func answer(_ name: DNSName, _ type: RRType) -> DNSAnswer
    /// The subject at `index` with its answers; views may override for speed.
    func audit(at index: Int) -> NameAudit
}

extension DNSView {
    public func audit(at index: Int) -> NameAudit {
        let subject = subject(at: index)
        return NameAudit(subject: subject, a: answer(subject.name, .a), aaaa: answer(subject.name, .aaaa),
                         others: subject.otherTypes.map { answer(subject.name, $0) }, view: self)
    }
}

/// One audited name with its answers, handed to every `NameRule`.
public struct NameAudit: Sendable {
    public var subject: AuditSubject
    public var a: DNSAnswer
    public var aaaa: DNSAnswer
    public var others: [DNSAnswer]
    public var view: any DNSView

    public init(subject: AuditSubject, a: DNSAnswer, aaaa: DNSAnswer, others: [DNSAnswer], view: any DNSView) {
        self.subject = subject
        self.a = a
        self.aaaa = aaaa
        self.others = others
        self.view = view
    }

    public var allAnswers: [DNSAnswer] { [a, aaaa] + others }

    /// Where to anchor a finding about this name: its declaring line, else the first record that answered.
    public var anchor: SourceLocation? {
        subject.location ?? a.chain.first?.origin.location ?? a.records.first?.origin.location
    }
}
