import DNSLintInputs
import DNSLintModel
import DNSLintReporting
import Foundation

/// Runs with a project configuration: what `dnslint check` reads (the inventory, or the paths given, with
/// the origins the inventory gives their zones) and what `dnslint live` audits when no names are given.
package enum ProjectRun {
    /// Files read together: one kind forced on files (not folders) and one zone origin.
    package struct ReadGroup: Sendable {
        package var paths: [String] = []
        package var kind: InputKind?
        package var origin: String?
    }

    /// What `dnslint check` reads: `paths` (with the origins an inventory zone entry gives files among them),
    /// or the inventory when there are none. Throws for usage and configuration problems.
    package static func groups(paths: [String], config: ProjectConfig?, options: LintOptions) throws(InputError) -> [ReadGroup] {
        guard let config else { return [ReadGroup(paths: paths)] }
        return paths.isEmpty ? try inventoryGroups(config, options: options) : try argumentGroups(paths, config, options: options)
    }

    /// Lints the groups together, each read with its kind and origin. Throws for usage problems.
    package static func check(_ groups: [ReadGroup], options: LintOptions, policy: Policy) throws(InputError) -> LintReport {
        let clock = PhaseClock()
        var read = ReadInputs()
        for group in groups where !group.paths.isEmpty {
            var groupOptions = options
            if options.kindOverride == nil { groupOptions.kindOverride = group.kind }
            if options.origin == nil { groupOptions.origin = group.origin }
            let part = try InputReader.read(paths: group.paths, options: groupOptions)
            read.inputs += part.inputs
            read.views += part.views
            read.issues += part.issues
            read.files += part.files
            read.paths += part.paths
            read.skipped += part.skipped
            read.unquotedFiles.formUnion(part.unquotedFiles)
        }
        clock.mark("read inputs")
        var linter = Linter(read: read, options: options, policy: policy)
        linter.judge(read.views)
        clock.mark("run rules")
        let report = linter.finish()
        clock.mark("sort findings")
        return report
    }

    /// Every file of the inventory, each read once, zones grouped by origin and each list read as its kind.
    static func inventoryGroups(_ config: ProjectConfig, options: LintOptions) throws(InputError) -> [ReadGroup] {
        let inventory = config.inventory
        guard inventory.hasFiles else {
            throw InputError("\(config.file) lists no zones, corefiles, resolv-conf or manifests in its inventory: give files or folders to check")
        }
        let files = InventoryFiles(config)
        var groups: [String: ReadGroup] = [:]
        var order: [String] = []
        var seen = Set<String>()
        func add(_ entries: [InventoryEntry], zones: Bool = false, kind: (String) -> InputKind) throws(InputError) {
            for entry in entries {
                var matches = try files.expand(entry)
                // As in a folder scan, a file a matched zone pulls in with $INCLUDE is read through that zone.
                if zones, PathGlob(entry.pattern).hasWildcards {
                    let included = IncludedFiles.targets(of: matches.map(\.absolute), limit: options.maxFileBytes)
                    matches.removeAll { included[IncludedFiles.key($0.absolute)] != nil }
                }
                for match in matches where seen.insert(match.absolute).inserted {
                    let forced = match.isDirectory ? nil : kind(match.absolute)
                    let key = "\(forced?.rawValue ?? "-") \(entry.origin ?? "")"
                    if groups[key] == nil {
                        groups[key] = ReadGroup(kind: forced, origin: entry.origin)
                        order.append(key)
                    }
                    groups[key]!.paths.append(match.shown)
                }
            }
        }
        try add(inventory.zones, zones: true) { _ in .zone }
        try add(inventory.corefiles) { isYAML($0) ? .manifest : .corefile }
        try add(inventory.resolvConfs) { _ in .resolvConf }
        try add(inventory.manifests) { _ in .manifest }
        return order.map { groups[$0]! }
    }

    /// The paths given, with the origin an inventory zone entry gives a file among them.
    static func argumentGroups(_ paths: [String], _ config: ProjectConfig, options: LintOptions) throws(InputError) -> [ReadGroup] {
        let withOrigin = config.inventory.zones.filter { $0.origin != nil }
        guard !withOrigin.isEmpty, options.origin == nil else { return [ReadGroup(paths: paths)] }
        var origins: [String: String] = [:]
        let files = InventoryFiles(config)
        for entry in withOrigin {
            for match in try files.expand(entry) where !match.isDirectory { origins[match.absolute] = origins[match.absolute] ?? entry.origin }
        }
        var plain = ReadGroup()
        var zoned: [String: ReadGroup] = [:]
        let here = FileManager.default.currentDirectoryPath
        for path in paths {
            if let origin = origins[PolicyRoot.absolute(path, in: here)] {
                zoned[origin, default: ReadGroup(kind: .zone, origin: origin)].paths.append(path)
            } else {
                plain.paths.append(path)
            }
        }
        return [plain] + zoned.keys.sorted().map { zoned[$0]! }
    }

    static func isYAML(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".yaml") || lower.hasSuffix(".yml")
    }

    /// The names `dnslint live` audits from the inventory: its names, then its names files.
    package static func names(_ config: ProjectConfig) throws(InputError) -> NameSource {
        let files = InventoryFiles(config)
        var namesFiles: [String] = []
        for entry in config.inventory.namesFiles { namesFiles += try files.expand(entry).map(\.shown) }
        return NameSource(arguments: config.inventory.names, namesFiles: namesFiles)
    }

    /// The Corefiles and CoreDNS ConfigMaps of the inventory, which live answers are combined with.
    package static func corefiles(_ config: ProjectConfig) throws(InputError) -> [String] {
        let files = InventoryFiles(config)
        var paths: [String] = []
        for entry in config.inventory.corefiles { paths += try files.expand(entry).map(\.shown) }
        return paths
    }
}
