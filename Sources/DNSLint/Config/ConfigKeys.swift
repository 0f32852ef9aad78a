/// Every key `.dnslint.yml` accepts, by the mapping it belongs to. The reader checks against these and
/// `schemas/dnslint-config.schema.json` must declare the same (a test compares them): the key of each
/// list below is the name of its definition in the schema (`config` is the schema's root).
package enum ConfigKeys {
    package static let config = ["inventory", "select", "ignore", "severity", "fail-on", "overrides", "max-file-bytes", "max-line-bytes"]
    package static let inventory = ["zones", "corefiles", "resolv-conf", "manifests", "names-files", "names", "servers",
                                    "coredns-version", "libc", "cluster-domain"]
    /// An inventory zone given as a mapping rather than a plain path.
    package static let zoneEntry = ["path", "origin"]
    /// An `ignore` item given as a mapping: one rule's findings about one DNS name.
    package static let nameIgnore = ["rule", "name", "reason"]
    package static let override = ["paths", "ignore", "severity"]

    package static let byDefinition: [String: [String]] = [
        "config": config, "inventory": inventory, "zoneEntry": zoneEntry, "nameIgnore": nameIgnore, "override": override,
    ]

    /// The closest of `candidates` to a misspelt `key`, when it is close enough to be meant.
    static func suggestion(for key: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(key.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(1, min(3, key.count / 3)) ? best.0 : nil
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for (i, left) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, right) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
