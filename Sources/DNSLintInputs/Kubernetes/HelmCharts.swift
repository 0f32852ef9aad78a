/// Helm charts inside a folder scan (folders holding a `Chart.yaml`): their YAML files are Go templates, not
/// manifests, until `helm template` renders them, so a scan passes over them instead of judging placeholders.
struct HelmCharts {
    private let folders: [String]

    /// `found` is every file path the scan saw.
    init(found: [String]) {
        folders = found.compactMap { path in
            let name = path.split(separator: "/").last.map(String.init) ?? path
            guard name == "Chart.yaml" || name == "Chart.yml" else { return nil }
            return String(path.dropLast(name.count))
        }
    }

    /// The chart folder a file lies in, if any.
    func chart(holding path: String) -> String? {
        folders.first { path.hasPrefix($0) }.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
    }
}
