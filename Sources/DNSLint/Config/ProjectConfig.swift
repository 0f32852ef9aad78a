import DNSLintModel
import DNSLintReporting

/// `.dnslint.yml` as read: what to check (the inventory) and how to judge it (the policy). Paths and globs
/// are relative to the file's folder. Every entry keeps its line, for errors that point back at it.
package struct ProjectConfig: Sendable {
    /// The file as shown in messages (relative to the working directory when it is below or above it).
    package var file: String
    /// The file's folder: absolute and standardized.
    package var folder: String
    package var inventory = Inventory()
    /// nil: every rule (the default); otherwise only rules some entry names, ruff style.
    package var select: [RuleSelector]?
    package var ignore: [RuleSelector] = []
    package var nameIgnores: [NameIgnore] = []
    package var severities: [(RuleSelector, Severity)] = []
    /// `error`, `warning`, `note` or `never`.
    package var failOn: String?
    package var overrides: [PathOverride] = []
    /// `max-file-bytes` and `max-line-bytes`: the size caps for reading inputs (the flags win).
    package var maxFileBytes: Int?
    package var maxLineBytes: Int?

    package init(file: String, folder: String) {
        self.file = file
        self.folder = folder
    }
}

/// The inputs of a project: files to check offline, names and servers to audit live, and the settings
/// that change verdicts.
package struct Inventory: Sendable {
    package var zones: [InventoryEntry] = []
    /// Corefiles and CoreDNS ConfigMaps (YAML).
    package var corefiles: [InventoryEntry] = []
    package var resolvConfs: [InventoryEntry] = []
    package var manifests: [InventoryEntry] = []
    package var namesFiles: [InventoryEntry] = []
    package var names: [String] = []
    package var servers: [String] = []
    package var corednsVersion: String?
    package var libc: Libc?
    package var clusterDomain: String?

    package init() {}

    /// Whether any file is listed for `dnslint check`.
    package var hasFiles: Bool { !(zones.isEmpty && corefiles.isEmpty && resolvConfs.isEmpty && manifests.isEmpty) }
}

/// A path or glob (`zones/**/*.zone`) of the inventory, with a zone origin when one is given.
package struct InventoryEntry: Sendable, Hashable {
    package var pattern: String
    package var origin: String?
    /// Line of the entry in the configuration file.
    package var line: Int
    /// Where it sits, for messages: `inventory.zones[2]`.
    package var place: String

    package init(pattern: String, origin: String? = nil, line: Int, place: String) {
        self.pattern = pattern
        self.origin = origin
        self.line = line
        self.place = place
    }
}
