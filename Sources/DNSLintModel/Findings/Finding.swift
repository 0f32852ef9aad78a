import LDNS
/// One problem found by one rule. Holds data, never formatted output: reporters decide how it looks.
package struct Finding: Sendable, Hashable {
    package var ruleCode: String
    package var ruleName: String
    package var severity: Severity
    /// First sentence stands alone and names the record or directive.
    package var message: String
    package var location: SourceLocation?
    package var subject: DNSSubject?
    package var related: [RelatedLocation]
    package var arguments: FindingArguments
    /// For a finding on a Corefile line, where that line sits in the Corefile: the server block's keys and the
    /// directives down to it (`.:53 > forward > prefer_udp`). The engine sets it; baseline keys use it instead
    /// of the line, so moving or re-wording the line keeps the key.
    package var directive: String?

    package init(ruleCode: String, ruleName: String, severity: Severity, message: String,
                location: SourceLocation? = nil, subject: DNSSubject? = nil,
                related: [RelatedLocation] = [], arguments: FindingArguments = [:]) {
        self.ruleCode = ruleCode
        self.ruleName = ruleName
        self.severity = severity
        self.message = message
        self.location = location
        self.subject = subject
        self.related = related
        self.arguments = arguments
    }
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
        let left = (lhs.location?.path ?? "\u{10FFFF}", lhs.location?.line ?? 0, lhs.location?.column ?? 0)
        let right = (rhs.location?.path ?? "\u{10FFFF}", rhs.location?.line ?? 0, rhs.location?.column ?? 0)
        if left != right { return left < right }
        if lhs.ruleCode != rhs.ruleCode { return lhs.ruleCode < rhs.ruleCode }
        let leftSubject = (lhs.subject?.name ?? "", lhs.subject?.type ?? "", lhs.subject?.server ?? "")
        let rightSubject = (rhs.subject?.name ?? "", rhs.subject?.type ?? "", rhs.subject?.server ?? "")
        if leftSubject != rightSubject { return leftSubject < rightSubject }
        return lhs.message < rhs.message
    }
}
