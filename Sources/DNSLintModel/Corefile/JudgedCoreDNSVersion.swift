import LDNS
/// The CoreDNS release one Corefile is judged against, and where that came from. Every version-dependent
/// rule reads this one value, so a run's verdicts and its report agree on the version and its source.
package struct JudgedCoreDNSVersion: Sendable, Hashable {
    package enum Source: Sendable, Hashable {
        /// `--coredns-version` (`configFile` nil) or `coredns-version` in that configuration file.
        case option(configFile: String?)
        /// The image of a CoreDNS workload in the Corefile's own file, or in its namespace and folder.
        case image(image: String, workload: String, location: SourceLocation)
        /// Nothing in the run says: version-dependent rules assume the release may be affected.
        case unknown
    }

    /// Nil when unknown.
    package var version: CoreDNSVersion?
    package var source: Source

    package init(version: CoreDNSVersion?, source: Source) {
        self.version = version
        self.source = version == nil ? .unknown : source
    }

    package static let unknown = JudgedCoreDNSVersion(version: nil, source: .unknown)

    package var isKnown: Bool { version != nil }

    /// The release where "unknown" must not raise an alarm (a plugin that may be missing): the latest known.
    package var orLatest: CoreDNSVersion { version ?? .latestKnown }

    /// True when something CoreDNS did before `release` applies: the release is older, or unknown (assumed affected).
    package func isBefore(_ release: CoreDNSVersion) -> Bool { version.map { $0 < release } ?? true }

    /// True when something CoreDNS does from `release` on applies: the release is that or newer, or unknown.
    package func isAtLeast(_ release: CoreDNSVersion) -> Bool { version.map { $0 >= release } ?? true }

    /// `CoreDNS 1.11.1`, or `an unknown CoreDNS release`, for messages.
    package var name: String { version.map { "CoreDNS \($0)" } ?? "an unknown CoreDNS release" }

    /// The sentence a finding made under the assumption carries (in its message and its `assumption`
    /// argument), e.g. `CoreDNS version unknown: this applies before 1.14.7; pass --coredns-version or set
    /// coredns-version in the config`. Nil when the version is known.
    package func assumption(_ scope: String) -> String? {
        isKnown ? nil : "CoreDNS version unknown: this applies \(scope); pass --coredns-version or set coredns-version in the config"
    }

    package func assumption(before release: CoreDNSVersion) -> String? { assumption("before \(release)") }

    package func assumption(from release: CoreDNSVersion) -> String? { assumption("from \(release) on") }

    /// `flag`, `config`, `image` or `unknown`: the JSON `source` of the version.
    package var sourceKind: String {
        switch source {
        case .option(let file): file == nil ? "flag" : "config"
        case .image: "image"
        case .unknown: "unknown"
        }
    }

    /// Where the version came from, for people: `--coredns-version`, `coredns-version in .dnslint.yml`,
    /// `image registry.k8s.io/coredns/coredns:v1.11.1 of Deployment kube-system/coredns (k8s/coredns.yaml:43)`.
    package var sourceDescription: String {
        switch source {
        case .option(let file): file.map { "coredns-version in \($0)" } ?? "--coredns-version"
        case .image(let image, let workload, let location): "image \(image) of \(workload) (\(location.path):\(location.line))"
        case .unknown: "no --coredns-version, no coredns-version in the config and no CoreDNS image beside this Corefile"
        }
    }

    /// `CoreDNS 1.11.1 from image ... (file:line)` or `CoreDNS version unknown (...)`.
    package var summary: String {
        version.map { "CoreDNS \($0) from \(sourceDescription)" } ?? "CoreDNS version unknown (\(sourceDescription)); version-dependent rules assume the release may be affected"
    }

    /// The arguments every version-dependent finding carries: `corednsVersion` (when known) and
    /// `corednsVersionSource`, plus `assumption` when the verdict assumed an affected release.
    package func arguments(assumption: String? = nil) -> FindingArguments {
        var arguments: FindingArguments = ["corednsVersionSource": .string(sourceKind)]
        if let version { arguments["corednsVersion"] = .string(version.description) }
        if let assumption { arguments["assumption"] = .string(assumption) }
        return arguments
    }

    /// The image line the version was read from, as a related location of a finding.
    package var related: [RelatedLocation] {
        guard case .image(let image, let workload, let location) = source, let version else { return [] }
        return [RelatedLocation(message: "CoreDNS \(version) from image \(image) of \(workload)", location: location)]
    }
}

/// Which CoreDNS version applies to which Corefile (issue: results never depend on the order of the inputs).
package enum CoreDNSVersionScope {
    /// The option wins; else the CoreDNS images of the Corefile's own file (those of its ConfigMap's namespace
    /// when the file holds several); else the images in the same folder and namespace from files that hold
    /// no Corefile of their own (a Deployment kept beside its ConfigMap); the oldest when several differ
    /// (during a rollout the old pods still serve); else unknown.
    package static func judge(_ corefile: Corefile, options: LintOptions, images: [CoreDNSImage],
                              corefilePaths: Set<String>) -> JudgedCoreDNSVersion {
        if let text = options.corednsVersion, let version = CoreDNSVersion(text) {
            return JudgedCoreDNSVersion(version: version, source: .option(configFile: options.corednsVersionConfigFile))
        }
        let sameFile = images.filter { $0.path == corefile.path }
        var candidates = sameFile.filter { corefile.namespace == nil || $0.namespace == corefile.namespace }
        if candidates.isEmpty { candidates = sameFile }
        if candidates.isEmpty {
            let folder = folder(of: corefile.path)
            candidates = images.filter { image in
                !corefilePaths.contains(image.path) && Self.folder(of: image.path) == folder
                    && (corefile.namespace == nil || image.namespace == nil || image.namespace == corefile.namespace)
            }
        }
        guard let oldest = candidates.min(by: { ($0.version, $0.location) < ($1.version, $1.location) }) else { return .unknown }
        return JudgedCoreDNSVersion(version: oldest.version,
                                    source: .image(image: oldest.image, workload: oldest.workload, location: oldest.location))
    }

    /// Every Corefile among `inputs` with its judged version set (ones already judged are kept).
    package static func annotate(_ inputs: [any ParsedInput], options: LintOptions) -> [any ParsedInput] {
        guard inputs.contains(where: { ($0 as? Corefile)?.judgedVersion == nil && $0 is Corefile }) else { return inputs }
        let images = inputs.compactMap { $0 as? CoreDNSImage }
        let paths = Set(inputs.compactMap { ($0 as? Corefile)?.path })
        return inputs.map { input in
            guard var corefile = input as? Corefile, corefile.judgedVersion == nil else { return input }
            corefile.judgedVersion = judge(corefile, options: options, images: images, corefilePaths: paths)
            return corefile
        }
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
}

/// One line of the report's list of Corefiles and the versions they were judged against.
package struct CorefileVersionEntry: Sendable, Hashable {
    package var location: SourceLocation
    package var judged: JudgedCoreDNSVersion

    package init(location: SourceLocation, judged: JudgedCoreDNSVersion) {
        self.location = location
        self.judged = judged
    }

    /// One entry per Corefile, in path and line order whatever order the inputs came in.
    package static func list(_ inputs: [any ParsedInput]) -> [CorefileVersionEntry] {
        let entries = inputs.compactMap { $0 as? Corefile }.map { corefile in
            CorefileVersionEntry(location: corefile.startLocation, judged: corefile.coreDNS)
        }
        var seen: Set<CorefileVersionEntry> = []
        return entries.sorted { $0.location < $1.location }.filter { seen.insert($0).inserted }
    }
}
