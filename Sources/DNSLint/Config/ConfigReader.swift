import DNSLintLive
import DNSLintModel
import DNSLintReporting
import DNSLintRules
import Foundation
import Yams

/// Reads `.dnslint.yml` through Yams' node tree, so every error names the file and line:
/// `.dnslint.yml:12: unknown key "sever1ty" in overrides[0] (did you mean "severity"?)`.
package struct ConfigReader {
    /// The file as shown in messages.
    let file: String
    let rules: [RuleMetadata]

    /// Reads the file at `path`; `shownAs` is how messages name it.
    package static func load(path: String, shownAs: String? = nil) throws(InputError) -> ProjectConfig {
        let shown = shownAs ?? path
        guard let data = FileManager.default.contents(atPath: path) else { throw InputError("\(shown): cannot read the configuration file") }
        let folder = PolicyRoot.absolute(path, in: FileManager.default.currentDirectoryPath)
        let parent = (folder as NSString).deletingLastPathComponent
        return try parse(String(decoding: data, as: UTF8.self), file: shown, folder: parent)
    }

    package static func parse(_ text: String, file: String, folder: String,
                              rules: [RuleMetadata] = RuleRegistry.all.map(\.metadata)) throws(InputError) -> ProjectConfig {
        let reader = ConfigReader(file: file, rules: rules)
        var config = ProjectConfig(file: file, folder: folder)
        guard let root = try reader.compose(text), !Self.isNull(root) else { return config }
        for (key, _, value) in try reader.pairs(root, at: "", allowed: ConfigKeys.config) {
            switch key {
            case "inventory": config.inventory = try reader.inventory(value)
            case "select": config.select = try reader.selectors(value, at: "select")
            case "ignore": (config.ignore, config.nameIgnores) = try reader.ignores(value, at: "ignore")
            case "severity": config.severities = try reader.severities(value, at: "severity")
            case "fail-on": config.failOn = try reader.oneOf(["error", "warning", "note", "never"], value, at: "fail-on")
            case "overrides": config.overrides = try reader.overrides(value)
            case "max-file-bytes": config.maxFileBytes = try reader.byteSize(value, at: key)
            case "max-line-bytes": config.maxLineBytes = try reader.byteSize(value, at: key)
            default: break
            }
        }
        return config
    }

    /// The document as JSON values (what editors validate against the schema), for the schema tests.
    package static func jsonObject(yaml text: String) throws(InputError) -> Any {
        guard let root = try ConfigReader(file: "<text>", rules: []).compose(text) else { return NSNull() }
        return json(root)
    }

    // MARK: - Sections

    func inventory(_ node: Node) throws(InputError) -> Inventory {
        var inventory = Inventory()
        for (key, _, value) in try pairs(node, at: "inventory", allowed: ConfigKeys.inventory) {
            let place = "inventory.\(key)"
            switch key {
            case "zones": inventory.zones = try zoneEntries(value, at: place)
            case "corefiles": inventory.corefiles = try pathEntries(value, at: place)
            case "resolv-conf": inventory.resolvConfs = try pathEntries(value, at: place)
            case "manifests": inventory.manifests = try pathEntries(value, at: place)
            case "names-files": inventory.namesFiles = try pathEntries(value, at: place)
            case "names": inventory.names = try strings(value, at: place).map(\.text)
            case "servers":
                let servers = try strings(value, at: place)
                for (index, (server, node)) in servers.enumerated() where ServerAddress(parsing: server) == nil {
                    throw fail(node, "\(place)[\(index)] \"\(server)\" is not an IP address with an optional port (10.0.0.10, 10.0.0.10:5353, [2001:db8::53]:53)")
                }
                inventory.servers = servers.map(\.text)
            case "coredns-version":
                let version = try string(value, at: place)
                guard CoreDNSVersion(version) != nil else { throw fail(value, "\(place) takes a version such as 1.11.1, not \"\(version)\"") }
                inventory.corednsVersion = version
            case "libc": inventory.libc = Libc(rawValue: try oneOf(Libc.allCases.map(\.rawValue), value, at: place))
            case "cluster-domain": inventory.clusterDomain = try string(value, at: place)
            default: break
            }
        }
        return inventory
    }

    func zoneEntries(_ node: Node, at place: String) throws(InputError) -> [InventoryEntry] {
        var entries: [InventoryEntry] = []
        for (index, item) in try list(node, at: place).enumerated() {
            let itemPlace = "\(place)[\(index)]"
            guard item.mapping != nil else {
                entries.append(InventoryEntry(pattern: try string(item, at: itemPlace), line: line(item), place: itemPlace))
                continue
            }
            var entry = InventoryEntry(pattern: "", line: line(item), place: itemPlace)
            for (key, _, value) in try pairs(item, at: itemPlace, allowed: ConfigKeys.zoneEntry) {
                if key == "path" { entry.pattern = try string(value, at: "\(itemPlace).path") }
                if key == "origin" {
                    let origin = try string(value, at: "\(itemPlace).origin")
                    guard DNSName(origin).wire != nil else { throw fail(value, "\(itemPlace).origin \"\(origin)\" is not a valid domain name") }
                    entry.origin = origin
                }
            }
            guard !entry.pattern.isEmpty else { throw fail(item, "\(itemPlace) needs \"path\": the zone file or glob") }
            entries.append(entry)
        }
        return entries
    }

    func pathEntries(_ node: Node, at place: String) throws(InputError) -> [InventoryEntry] {
        try strings(node, at: place).enumerated().map { index, item in
            InventoryEntry(pattern: item.text, line: line(item.node), place: "\(place)[\(index)]")
        }
    }

    func selectors(_ node: Node, at place: String) throws(InputError) -> [RuleSelector] {
        var found: [RuleSelector] = []
        for (index, item) in try strings(node, at: place).enumerated() {
            found.append(try selector(item.text, item.node, at: "\(place)[\(index)]"))
        }
        return found
    }

    /// Plain entries turn rules off; `{rule, name, reason}` entries drop one rule's findings about one name.
    func ignores(_ node: Node, at place: String) throws(InputError) -> ([RuleSelector], [NameIgnore]) {
        var selectors: [RuleSelector] = []
        var names: [NameIgnore] = []
        for (index, item) in try list(node, at: place).enumerated() {
            let itemPlace = "\(place)[\(index)]"
            guard item.mapping != nil else {
                selectors.append(try selector(try string(item, at: itemPlace), item, at: itemPlace))
                continue
            }
            var rule: RuleSelector?
            var name: String?
            var reason: String?
            for (key, _, value) in try pairs(item, at: itemPlace, allowed: ConfigKeys.nameIgnore) {
                let text = try string(value, at: "\(itemPlace).\(key)")
                switch key {
                case "rule": rule = try selector(text, value, at: "\(itemPlace).rule")
                case "name": name = text
                default: reason = text.trimmingCharacters(in: .whitespaces)
                }
            }
            guard let rule else { throw fail(item, "\(itemPlace) needs \"rule\": the code or name of the rule to ignore for the name") }
            guard let name, !name.isEmpty else { throw fail(item, "\(itemPlace) needs \"name\": the DNS name whose \(rule.text) findings to drop") }
            guard let reason, !reason.isEmpty else {
                throw fail(item, "\(itemPlace) needs \"reason\": say why \(rule.text) does not apply to \(name)")
            }
            names.append(NameIgnore(codes: rule.codes, name: name, reason: reason))
        }
        return (selectors, names)
    }

    func severities(_ node: Node, at place: String) throws(InputError) -> [(RuleSelector, Severity)] {
        guard let mapping = node.mapping else { throw fail(node, "\(place) takes a mapping of rule codes or names to error, warning or note, not \(describe(node))") }
        var found: [(RuleSelector, Severity)] = []
        for (keyNode, value) in mapping {
            let key = try string(keyNode, at: "a key of \(place)")
            let selector = try selector(key, keyNode, at: "\(place)")
            let level = try oneOf(Severity.allCases.map(\.rawValue), value, at: "\(place).\(key)")
            found.append((selector, Severity(rawValue: level)!))
        }
        return found
    }

    func overrides(_ node: Node) throws(InputError) -> [PathOverride] {
        var overrides: [PathOverride] = []
        for (index, item) in try list(node, at: "overrides").enumerated() {
            let place = "overrides[\(index)]"
            var override = PathOverride(globs: [])
            for (key, _, value) in try pairs(item, at: place, allowed: ConfigKeys.override) {
                switch key {
                case "paths":
                    override.globs = try strings(value, at: "\(place).paths").map { PathGlob($0.text) }
                case "ignore":
                    override.disabled = Set(try selectors(value, at: "\(place).ignore").flatMap(\.codes))
                default:
                    override.severities = RuleSelector.severities(try severities(value, at: "\(place).severity"))
                }
            }
            guard !override.globs.isEmpty else { throw fail(item, "\(place) needs \"paths\": globs of the files it applies to") }
            overrides.append(override)
        }
        return overrides
    }

    // MARK: - Typed access with positions

    func compose(_ text: String) throws(InputError) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let (line, message) = Self.describe(error, text: text)
            throw InputError("\(file):\(line): \(message)")
        } catch {
            throw InputError("\(file): \(error)")
        }
    }

    func fail(_ node: Node?, _ message: String) -> InputError {
        InputError("\(file):\(line(node)): \(message)")
    }

    func line(_ node: Node?) -> Int { node?.mark?.line ?? 1 }

    /// The pairs of a mapping whose keys must all be `allowed`.
    func pairs(_ node: Node, at place: String, allowed: [String]) throws(InputError) -> [(String, Node, Node)] {
        guard let mapping = node.mapping else {
            throw fail(node, "\(place.isEmpty ? "the configuration" : place) must be a mapping of keys, not \(describe(node))")
        }
        var found: [(String, Node, Node)] = []
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            guard allowed.contains(key) else {
                let hint = ConfigKeys.suggestion(for: key, among: allowed).map { " (did you mean \"\($0)\"?)" } ?? ""
                throw fail(keyNode, "unknown key \"\(key)\" \(place.isEmpty ? "at the top level" : "in \(place)")\(hint)")
            }
            found.append((key, keyNode, value))
        }
        return found
    }

    func list(_ node: Node, at place: String) throws(InputError) -> [Node] {
        guard let sequence = node.sequence else { throw fail(node, "\(place) takes a list, not \(describe(node))") }
        return Array(sequence)
    }

    func string(_ node: Node, at place: String) throws(InputError) -> String {
        guard let scalar = node.scalar, !Self.isNull(node) else { throw fail(node, "\(place) takes a string, not \(describe(node))") }
        return scalar.string
    }

    func strings(_ node: Node, at place: String) throws(InputError) -> [(text: String, node: Node)] {
        var found: [(text: String, node: Node)] = []
        for (index, item) in try list(node, at: place).enumerated() {
            found.append((try string(item, at: "\(place)[\(index)]"), item))
        }
        return found
    }

    func oneOf(_ allowed: [String], _ node: Node, at place: String) throws(InputError) -> String {
        let value = try string(node, at: place)
        guard allowed.contains(value) else {
            let choices = allowed.dropLast().joined(separator: ", ") + " or " + allowed.last!
            throw fail(node, "\(place) takes \(choices), not \"\(value)\"")
        }
        return value
    }

    /// A size cap: a YAML integer or a string such as 64K or 256M.
    func byteSize(_ node: Node, at place: String) throws(InputError) -> Int {
        let text = try string(node, at: place)
        guard let bytes = ByteSize.bytes(text) else { throw fail(node, "\(place) takes \(ByteSize.expected), not \"\(text)\"") }
        return bytes
    }

    func selector(_ text: String, _ node: Node, at place: String) throws(InputError) -> RuleSelector {
        if let selector = RuleSelector(text, rules: rules) { return selector }
        let names = rules.map(\.name) + rules.flatMap(\.aliases)
        let hint = text.uppercased().hasPrefix("DNS") ? nil : ConfigKeys.suggestion(for: text, among: names)
        throw fail(node, "\"\(text)\" in \(place) is not a rule code, name or code prefix\(hint.map { " (did you mean \"\($0)\"?)" } ?? "; `dnslint rules` lists them")")
    }

    func describe(_ node: Node) -> String {
        if node.mapping != nil { return "a mapping" }
        if node.sequence != nil { return "a list" }
        if Self.isNull(node) { return "an empty value" }
        return "\"\(node.scalar?.string ?? "")\""
    }

    static func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    static func describe(_ error: YamlError, text: String) -> (line: Int, message: String) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            return (mark.line, problem + (context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""))
        case let .duplicatedKeysInMapping(duplicates, context):
            // Yams marks the mapping; the line of the key's second appearance is the one to fix.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let keyed = lines.indices.filter { index in
                index >= context.mark.line - 1 && duplicates.contains { key in
                    let trimmed = lines[index].drop { $0 == " " || $0 == "-" }
                    return trimmed.hasPrefix(key + ":") || trimmed.hasPrefix("\"\(key)\":")
                }
            }
            let line = keyed.count > 1 ? keyed[1] + 1 : context.mark.line
            return (line, "duplicate key \(duplicates.joined(separator: ", ")) in one mapping")
        default:
            return (1, "\(error)")
        }
    }

    /// YAML values as JSON sees them: plain scalars resolved to numbers, booleans and null as YAML 1.1 does.
    static func json(_ node: Node) -> Any {
        if let mapping = node.mapping {
            var object: [String: Any] = [:]
            for (key, value) in mapping { object[key.scalar?.string ?? "\(key)"] = json(value) }
            return object
        }
        if let sequence = node.sequence { return sequence.map(json) }
        if isNull(node) { return NSNull() }
        if node.scalar?.style == .plain {
            if let int = node.int { return int }
            if let double = node.float { return double }
            if let bool = node.bool { return bool }
        }
        return node.scalar?.string ?? ""
    }
}
