import LDNS
/// The kinds of input dnslint reads. A rule declares which ones it needs.
package enum InputKind: String, Sendable, Codable, CaseIterable {
    case zone
    case corefile
    case resolvConf = "resolv-conf"
    case manifest
    /// Observations from querying servers (live probing or a saved capture).
    case live
}

/// An executable example: a folder of real files, `rules/examples/<code>/<folder>/`, linted exactly as the CLI
/// lints a folder. `@expect CODE` comments in the files pin every finding it must produce (see
/// `rules/examples/README.md`); the metadata keeps only the reference, the options and the caption.
package struct RuleExample: Sendable {
    /// The folder's name under `rules/examples/<code>/`: `triggering-N` or `clean-N`.
    package var folder: String
    /// Options as the CLI would take them, e.g. `["--libc", "musl"]`.
    package var arguments: [String]
    /// A short phrase shown in the generated docs.
    package var caption: String?

    package init(_ folder: String, arguments: [String] = [], caption: String? = nil) {
        self.folder = folder
        self.arguments = arguments
        self.caption = caption
    }
}

/// One structured argument a rule's findings may carry (`Finding.arguments`), for JSON consumers.
package struct ArgumentKey: Sendable, Hashable {
    /// The JSON shape of the value, as `ArgumentValue` encodes it.
    package enum ValueType: String, Sendable, Hashable {
        case int, string, bool, strings, ints, number
    }

    package var key: String
    package var type: ValueType
    /// One line: what the value is, with its unit.
    package var description: String

    package init(_ key: String, _ type: ValueType, _ description: String) {
        self.key = key
        self.type = type
        self.description = description
    }
}

extension ArgumentKey.ValueType {
    package init(of value: ArgumentValue) {
        switch value {
        case .int: self = .int
        case .string: self = .string
        case .bool: self = .bool
        case .strings: self = .strings
        case .ints: self = .ints
        case .number: self = .number
        }
    }
}

/// Everything about a rule that is not its check: the source of docs, SARIF `rules[]` and `explain`.
package struct RuleMetadata: Sendable {
    /// Stable code such as `DNS1001`; never changes once released.
    package var code: String
    /// Kebab-case name such as `cname-chain-no-aaaa`.
    package var name: String
    /// One sentence.
    package var summary: String
    package var rationale: String
    package var remediation: String
    package var severity: Severity
    package var inputs: [InputKind]
    /// RFCs, upstream issues and release notes, as URLs or `RFC 1034 3.6.2` style citations.
    package var references: [String]
    /// Every key a finding of this rule may carry in `arguments`, with its type (the JSON schema and the rule
    /// pages list them; a test checks the examples' findings against them).
    package var argumentKeys: [ArgumentKey]
    package var triggering: [RuleExample]
    package var clean: [RuleExample]
    /// Former names, still accepted by `explain` and configuration.
    package var aliases: [String]

    package init(code: String, name: String, summary: String, rationale: String, remediation: String,
                severity: Severity, inputs: [InputKind], references: [String] = [], argumentKeys: [ArgumentKey] = [],
                triggering: [RuleExample], clean: [RuleExample], aliases: [String] = []) {
        self.code = code
        self.name = name
        self.summary = summary
        self.rationale = rationale
        self.remediation = remediation
        self.severity = severity
        self.inputs = inputs
        self.references = references
        self.argumentKeys = argumentKeys
        self.triggering = triggering
        self.clean = clean
        self.aliases = aliases
    }

    /// The folder of one of this rule's examples, relative to the package root.
    package func path(of example: RuleExample) -> String {
        "\(RuleExampleFiles.root)/\(code)/\(example.folder)"
    }
}

/// A lint rule: metadata plus one check that returns findings, never text.
package protocol Rule: Sendable {
    var metadata: RuleMetadata { get }
    /// Runs over the whole context. Rules that judge DNS names one at a time adopt `NameRule` instead.
    func check(_ context: LintContext) -> [Finding]
    /// Once per run, after every pass and before suppressions and the policy: folds what the rule's passes
    /// found into final findings (DNS2005 raises a forward line once an answer through it proved too big).
    /// The default leaves the findings alone.
    func merge(_ findings: inout [Finding])
}

extension Rule {
    package func merge(_ findings: inout [Finding]) {}
}

/// A DNS data rule: asked once per audited name with its answers, from any `DNSView` (a zone file offline,
/// a live server at night). The engine resolves each name once for all such rules.
package protocol NameRule: Rule {
    /// The one entry point, called once per run before the name pass: the check to run on each audited
    /// name, or nil when nothing in this run can trigger the rule. Rules that combine DNS data with other
    /// inputs (a Corefile) prepare their lookups here and exit early, instead of resolving every name again.
    func nameChecker(_ context: LintContext) -> NameChecker?
}

/// A name rule's check, prepared for one run.
package typealias NameChecker = @Sendable (NameAudit) -> [Finding]

extension NameRule {
    package func check(_ context: LintContext) -> [Finding] { [] }
}

/// A name rule that judges each name's answers alone, with nothing to prepare per run.
package protocol PerNameRule: NameRule {
    func check(_ audit: NameAudit) -> [Finding]
}

extension PerNameRule {
    package func nameChecker(_ context: LintContext) -> NameChecker? {
        { audit in self.check(audit) }
    }
}

extension Rule {
    /// A finding of this rule at its default severity (the policy may change it later).
    package func finding(_ message: String, at location: SourceLocation?, subject: DNSSubject? = nil,
                        related: [RelatedLocation] = [], arguments: FindingArguments = [:],
                        severity: Severity? = nil) -> Finding {
        // One read of `metadata`: each copies the whole struct, and a large zone makes findings by the 100,000.
        let metadata = self.metadata
        return Finding(ruleCode: metadata.code, ruleName: metadata.name, severity: severity ?? metadata.severity,
                       message: message, location: location, subject: subject, related: related, arguments: arguments)
    }

    /// A finding of this rule whose message, related places and arguments `text` writes when a reporter reads them.
    package func finding(deferred text: any DeferredFindingText, at location: SourceLocation?, subject: DNSSubject?,
                        severity: Severity? = nil) -> Finding {
        let metadata = self.metadata
        return Finding(ruleCode: metadata.code, ruleName: metadata.name, severity: severity ?? metadata.severity,
                       deferred: text, location: location, subject: subject)
    }
}
