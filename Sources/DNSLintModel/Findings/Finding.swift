import LDNS
/// One problem found by one rule. Holds data, never formatted output: reporters decide how it looks.
///
/// A value type whose fields live in one shared, copy-on-write box: a large zone has findings by the hundred
/// thousand, and policy, sorting and reporting pass them around; copying or moving one is then a single
/// reference count, not one per string and array inside it. A rule that makes them by the hundred thousand
/// may leave its message, related places and arguments to a `DeferredFindingText`, which writes them when
/// they are read (once, by the reporter): the finding then keeps a few numbers and places, not their text.
/// A zone's name pass goes further and keeps each finding as where it comes from (`rederivable`), made again
/// whole when a reporter asks for it (`resolved()`).
package struct Finding: Sendable, Hashable {
    /// The fields; for a rederived finding, a shared empty box that `uniqueStorage()` replaces before any write.
    private var storage: FindingStorage
    /// Set for a finding a zone's name pass keeps compact: its text is made again from the zone when read.
    private var rederived: RederivedFinding?

    package var ruleCode: String {
        get { rederived?.ruleCode ?? storage.fields.ruleCode }
        set { uniqueStorage().fields.ruleCode = newValue }
    }
    package var ruleName: String {
        get { rederived?.ruleName ?? storage.fields.ruleName }
        set { uniqueStorage().fields.ruleName = newValue }
    }
    package var severity: Severity {
        get { rederived?.severity ?? storage.fields.severity }
        set {
            // Policy re-grades findings by the hundred thousand: a compact one stays compact.
            if let rederived { self.rederived = rederived.with(severity: newValue) } else { uniqueStorage().fields.severity = newValue }
        }
    }
    /// First sentence stands alone and names the record or directive.
    package var message: String {
        get { rederived?.finding().message ?? storage.fields.deferred?.message ?? storage.fields.message }
        set { writtenStorage().fields.message = newValue }
    }
    package var location: SourceLocation? {
        get { rederived.map { $0.location } ?? storage.fields.location }
        set { uniqueStorage().fields.location = newValue }
    }
    package var subject: DNSSubject? {
        get { rederived.map { $0.finding().subject } ?? storage.fields.subject }
        set { uniqueStorage().fields.subject = newValue }
    }
    package var related: [RelatedLocation] {
        get { rederived?.finding().related ?? storage.fields.deferred?.related ?? storage.fields.related }
        set { writtenStorage().fields.related = newValue }
    }
    package var arguments: FindingArguments {
        get { rederived?.finding().arguments ?? storage.fields.deferred?.arguments ?? storage.fields.arguments }
        set { writtenStorage().fields.arguments = newValue }
    }
    /// For a finding on a Corefile line, where that line sits in the Corefile: the server block's keys and the
    /// directives down to it (`.:53 > forward > prefer_udp`). The engine sets it; baseline keys use it instead
    /// of the line, so moving or re-wording the line keeps the key.
    package var directive: String? {
        get { rederived.map { $0.finding().directive } ?? storage.fields.directive }
        set { uniqueStorage().fields.directive = newValue }
    }

    /// Whether the subject names a server (a live finding): read in place, without copying the subject.
    package var isFromServer: Bool { rederived?.isFromServer ?? (storage.fields.subject?.server != nil) }

    package init(ruleCode: String, ruleName: String, severity: Severity, message: String,
                location: SourceLocation? = nil, subject: DNSSubject? = nil,
                related: [RelatedLocation] = [], arguments: FindingArguments = [:]) {
        storage = FindingStorage(FindingFields(ruleCode: ruleCode, ruleName: ruleName, severity: severity,
                                               message: message, location: location, subject: subject,
                                               related: related, arguments: arguments, directive: nil, deferred: nil))
    }

    /// A finding whose message, related places and arguments `text` writes when they are read.
    package init(ruleCode: String, ruleName: String, severity: Severity, deferred text: any DeferredFindingText,
                location: SourceLocation? = nil, subject: DNSSubject? = nil) {
        storage = FindingStorage(FindingFields(ruleCode: ruleCode, ruleName: ruleName, severity: severity,
                                               message: "", location: location, subject: subject,
                                               related: [], arguments: [:], directive: nil, deferred: text))
    }

    /// This finding kept as the few numbers that make it again: `source`'s checker `checker` finds it, the
    /// `ordinal`th of its findings, when run on the view's name `name`. Worth it only where the view stays in
    /// memory anyway (a zone) and the finding was made by a name rule, whose checks are pure.
    /// A finding with another code or name than its checker's rule, of a rule that keeps its findings whole, or
    /// past the compact form's ranges, stays whole.
    package func rederivable(by source: FindingDerivation, name: Int, checker: Int, ordinal: Int) -> Finding {
        guard checker < source.rules.count, source.rules[checker].keepsFindingsCompact,
              source.rules[checker].code == ruleCode, source.rules[checker].name == ruleName,
              let name32 = Int32(exactly: name), let checker16 = UInt16(exactly: checker),
              let ordinal16 = UInt16(exactly: ordinal) else { return self }
        var compact = Finding(storage: FindingStorage.rederivedMarker)
        compact.rederived = RederivedFinding(
            RederivedFinding.Origin(source: source, name: name32, checker: checker16, ordinal: ordinal16,
                                    location: location, isFromServer: isFromServer),
            severity: severity)
        return compact
    }

    /// Whether this finding is kept as the numbers that make it again (see `rederivable`).
    package var isKeptCompact: Bool { rederived != nil }

    /// The finding with every field at hand: a rederived one made again (once, here), any other as it is.
    /// Reporters take each finding through this before reading its text.
    package func resolved() -> Finding { rederived?.finding() ?? self }

    private init(storage: FindingStorage) { self.storage = storage }

    private mutating func uniqueStorage() -> FindingStorage {
        if let rederived {
            storage = FindingStorage(rederived.finding().storage.fields)
            self.rederived = nil
        } else if !isKnownUniquelyReferenced(&storage) {
            storage = FindingStorage(storage.fields)
        }
        return storage
    }

    /// Before one of the deferred fields is set, all three are written out, so the others keep their values.
    private mutating func writtenStorage() -> FindingStorage {
        let storage = uniqueStorage()
        if let text = storage.fields.deferred {
            storage.fields.message = text.message
            storage.fields.related = text.related
            storage.fields.arguments = text.arguments
            storage.fields.deferred = nil
        }
        return storage
    }

    /// Equal when every field reads the same, whether its text was deferred or not.
    package static func == (lhs: Finding, rhs: Finding) -> Bool {
        if lhs.rederived == nil, rhs.rederived == nil, lhs.storage === rhs.storage { return true }
        let lhs = lhs.resolved(), rhs = rhs.resolved()
        let left = lhs.storage.fields, right = rhs.storage.fields
        return left.ruleCode == right.ruleCode && left.ruleName == right.ruleName && left.severity == right.severity
            && left.location == right.location && left.subject == right.subject && left.directive == right.directive
            && lhs.message == rhs.message && lhs.related == rhs.related && lhs.arguments == rhs.arguments
    }

    package func hash(into hasher: inout Hasher) {
        let finding = resolved()
        let fields = finding.storage.fields
        hasher.combine(fields.ruleCode)
        hasher.combine(fields.ruleName)
        hasher.combine(fields.severity)
        hasher.combine(finding.message)
        hasher.combine(fields.location)
        hasher.combine(fields.subject)
        hasher.combine(finding.related)
        hasher.combine(finding.arguments)
        hasher.combine(fields.directive)
    }
}

/// The text of a finding written when it is read: see `Finding.init(ruleCode:ruleName:severity:deferred:location:subject:)`.
/// Immutable, so findings and threads may share one.
package protocol DeferredFindingText: AnyObject, Sendable {
    var message: String { get }
    var related: [RelatedLocation] { get }
    var arguments: FindingArguments { get }
}

private struct FindingFields: Sendable {
    var ruleCode: String
    var ruleName: String
    var severity: Severity
    var message: String
    var location: SourceLocation?
    var subject: DNSSubject?
    var related: [RelatedLocation]
    var arguments: FindingArguments
    var directive: String?
    /// When set, it says `message`, `related` and `arguments` (the stored ones are empty).
    var deferred: (any DeferredFindingText)?
}

/// Written only through `Finding.uniqueStorage()`, that is while no other value (and so no other thread)
/// holds it: the copy-on-write discipline of the standard library's own collections.
private final class FindingStorage: @unchecked Sendable {
    var fields: FindingFields
    init(_ fields: FindingFields) { self.fields = fields }

    /// What a rederived finding holds in place of fields of its own; never written (see `Finding.uniqueStorage()`).
    static let rederivedMarker = FindingStorage(FindingFields(ruleCode: "", ruleName: "", severity: .note, message: "",
                                                              location: nil, subject: nil, related: [], arguments: [:],
                                                              directive: nil, deferred: nil))
}

/// A second place that explains a finding: a CNAME hop, the Corefile line a rule combines with.
package struct RelatedLocation: Sendable, Hashable, Codable {
    package var message: String
    package var location: SourceLocation?
    /// Boxed: only a place without a file line (a live answer) has a subject, so a zone's findings do not
    /// carry its 48 bytes inline in every related place.
    private var subjectBox: SubjectBox?

    package var subject: DNSSubject? {
        get { subjectBox?.subject }
        set { subjectBox = newValue.map(SubjectBox.init) }
    }

    package init(message: String, location: SourceLocation? = nil, subject: DNSSubject? = nil) {
        self.message = message
        self.location = location
        subjectBox = subject.map(SubjectBox.init)
    }

    package static func == (lhs: RelatedLocation, rhs: RelatedLocation) -> Bool {
        lhs.message == rhs.message && lhs.location == rhs.location && lhs.subject == rhs.subject
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(message)
        hasher.combine(location)
        hasher.combine(subject)
    }

    private enum CodingKeys: String, CodingKey { case message, location, subject }

    package init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(message: try container.decode(String.self, forKey: .message),
                  location: try container.decodeIfPresent(SourceLocation.self, forKey: .location),
                  subject: try container.decodeIfPresent(DNSSubject.self, forKey: .subject))
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(message, forKey: .message)
        try container.encodeIfPresent(location, forKey: .location)
        try container.encodeIfPresent(subject, forKey: .subject)
    }
}

/// An immutable subject held by reference.
private final class SubjectBox: Sendable {
    let subject: DNSSubject
    init(_ subject: DNSSubject) { self.subject = subject }
}

/// Structured values carried by a finding for machine consumers (TTLs, sizes, rcodes).
package enum ArgumentValue: Sendable, Hashable, Codable {
    case int(Int)
    case string(String)
    case bool(Bool)
    case strings([String])
    case ints([Int])
    /// A measured quantity such as seconds; written with millisecond precision.
    case number(Double)

    package init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([Int].self) {
            self = .ints(value)
        } else {
            self = .strings(try container.decode([String].self))
        }
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .int(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .strings(let value): try container.encode(value)
        case .ints(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        }
    }
}

extension Finding {
    /// Deterministic order: path, line, column, code, then subject and message.
    package static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if placeOrder(lhs, rhs) { return true }
        if placeOrder(rhs, lhs) { return false }
        let leftSubject = (lhs.subject?.name ?? "", lhs.subject?.type ?? "", lhs.subject?.server ?? "")
        let rightSubject = (rhs.subject?.name ?? "", rhs.subject?.type ?? "", rhs.subject?.server ?? "")
        if leftSubject != rightSubject { return leftSubject < rightSubject }
        return lhs.message < rhs.message
    }

    /// The first keys of `reportOrder`, which a compact finding holds without being made again: path, line,
    /// column, code.
    package static func placeOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        let left = (lhs.location?.path ?? "\u{10FFFF}", lhs.location?.line ?? 0, lhs.location?.column ?? 0)
        let right = (rhs.location?.path ?? "\u{10FFFF}", rhs.location?.line ?? 0, rhs.location?.column ?? 0)
        if left != right { return left < right }
        return lhs.ruleCode < rhs.ruleCode
    }
}
