import DNSLintModel
import Foundation

/// SARIF 2.1.0 as GitHub code scanning reads it: every rule described, every result located in a file.
struct SARIFReporter {
    /// GitHub rejects runs with more results than this.
    static let resultLimit = 25_000
    static let fingerprintName = "dnslint/v3"
    let context: ReportContext
    private let root: RepositoryRoot

    init(context: ReportContext) {
        self.context = context
        root = RepositoryRoot(workingDirectory: context.workingDirectory)
    }

    func render(_ report: LintReport) -> String {
        // Fingerprints read lines back within the cap the run read its inputs with.
        let keys = FindingKeys(root: root, maxFileBytes: report.maxFileBytes)
        let rules = context.rules.map(\.metadata)
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.code, $0) })
        // GitHub rejects a result without a file; findings on names given only on the command line have
        // none, so they travel as notifications with the name as a logical location, never an invented file.
        let placed = report.findings.filter { $0.location != nil }
        let shown = placed.prefix(SARIFReporter.resultLimit)
        var notifications = report.findings.filter { $0.location == nil }.map { notification($0.resolved()) }
        if placed.count > shown.count {
            notifications.append(.object([
                ("level", .string("warning")),
                ("message", .object([("text", .string("\(placed.count) findings; the first \(shown.count) are in this file (GitHub's limit). Use --format json for all."))])),
            ]))
        }
        var invocation: [(String, JSONValue)] = [("executionSuccessful", .bool(true))]
        if !notifications.isEmpty { invocation.append(("toolExecutionNotifications", .array(notifications))) }
        // The CoreDNS release each Corefile was judged against, as in the JSON report's `corefiles`.
        if !report.corefileVersions.isEmpty {
            invocation.append(("properties", .object([("corefiles", .array(report.corefileVersions.map(JSONReporter.corefile)))])))
        }
        let run: JSONValue = .object([
            ("tool", .object([("driver", .object([
                ("name", .string("dnslint")),
                ("version", .string(context.toolVersion)),
                ("semanticVersion", .string(context.toolVersion)),
                ("informationUri", .string("https://github.com/dnslint/dnslint")),
                ("rules", .array(rules.map(describe))),
            ]))])),
            // URIs are relative to the repository root whatever folder dnslint ran in.
            ("originalUriBaseIds", .object([("%SRCROOT%", .object([("uri", .string(rootURI))]))])),
            ("automationDetails", .object([("id", .string(context.category))])),
            ("invocations", .array([.object(invocation)])),
            ("results", .array(shown.map { result($0.resolved(), ruleIndex: ruleIndex, keys: keys) })),
        ])
        return JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ]).render() + "\n"
    }

    private func describe(_ rule: RuleMetadata) -> JSONValue {
        let help = "\(rule.summary)\n\nWhy: \(rule.rationale)\n\nFix: \(rule.remediation)"
        let markdown = RuleDocs.helpMarkdown(for: rule)
        return .object([
            ("id", .string(rule.code)),
            ("name", .string(rule.name)),
            ("shortDescription", .object([("text", .string(String(rule.summary.prefix(1024))))])),
            ("fullDescription", .object([("text", .string(String(rule.rationale.prefix(1024))))])),
            ("helpUri", .string("https://github.com/dnslint/dnslint/blob/main/rules/\(rule.code).md")),
            ("help", .object([("text", .string(help)), ("markdown", .string(markdown))])),
            ("defaultConfiguration", .object([("level", .string(level(rule.severity)))])),
            ("properties", .object([
                ("tags", .array(([rule.name] + rule.inputs.map(\.rawValue)).map(JSONValue.string))),
                ("problem.severity", .string(rule.severity == .note ? "recommendation" : rule.severity.rawValue)),
            ])),
        ])
    }

    private func result(_ finding: Finding, ruleIndex: [String: Int], keys: FindingKeys) -> JSONValue {
        var members: [(String, JSONValue)] = [("ruleId", .string(finding.ruleCode))]
        if let index = ruleIndex[finding.ruleCode] { members.append(("ruleIndex", .int(index))) }
        members.append(("level", .string(level(finding.severity))))
        members.append(("message", .object([("text", .string(finding.message))])))
        var location: [(String, JSONValue)] = []
        if let place = finding.location { location.append(("physicalLocation", physical(place))) }
        if let logical = logicalLocations(finding) { location.append(("logicalLocations", logical)) }
        members.append(("locations", .array([.object(location)])))
        let related = finding.related.enumerated().compactMap { index, item -> JSONValue? in
            guard let place = item.location else { return nil }
            return .object([
                ("id", .int(index + 1)),
                ("physicalLocation", physical(place)),
                ("message", .object([("text", .string(item.message))])),
            ])
        }
        if !related.isEmpty { members.append(("relatedLocations", .array(related))) }
        // v3: the key no longer hashes the message (v2 did), so the name says the values changed.
        members.append(("partialFingerprints", .object([(Self.fingerprintName, .string(keys.key(finding)))])))
        return .object(members)
    }

    /// `name./TYPE` of the DNS subject, as SARIF logical locations.
    private func logicalLocations(_ finding: Finding) -> JSONValue? {
        guard let subject = finding.subject else { return nil }
        let name = subject.name + (subject.type.map { "/\($0)" } ?? "")
        return .array([.object([("fullyQualifiedName", .string(name)), ("kind", .string("resource"))])])
    }

    /// A finding no file declares (a name given on the command line), as a tool notification.
    private func notification(_ finding: Finding) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("level", .string(level(finding.severity))),
            ("message", .object([("text", .string(finding.message))])),
            ("associatedRule", .object([("id", .string(finding.ruleCode))])),
        ]
        if let logical = logicalLocations(finding) {
            members.append(("locations", .array([.object([("logicalLocations", logical)])])))
        }
        return .object(members)
    }

    private func physical(_ place: SourceLocation) -> JSONValue {
        var region: [(String, JSONValue)] = [("startLine", .int(max(1, place.line))), ("startColumn", .int(max(1, place.column)))]
        if let endLine = place.endLine { region.append(("endLine", .int(endLine))) }
        if let endColumn = place.endColumn { region.append(("endColumn", .int(endColumn))) }
        return .object([("artifactLocation", artifact(place.path)), ("region", .object(region))])
    }

    /// Repository-relative against `%SRCROOT%` when inside the repository; a file: URI otherwise.
    private func artifact(_ path: String) -> JSONValue {
        if let relative = root.relative(path) {
            return .object([("uri", .string(Self.encode(relative))), ("uriBaseId", .string("%SRCROOT%"))])
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return .object([("uri", .string("file://" + Self.encode(absolute)))])
    }

    /// The repository root as a file: URI ending in a slash, as SARIF wants a base.
    private var rootURI: String { "file://" + Self.encode(root.path.hasSuffix("/") ? root.path : root.path + "/") }

    static func encode(_ path: String) -> String {
        let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: ":"))
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    private func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }
}
