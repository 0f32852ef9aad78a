import ArgumentParser
import DNSLint
import DNSLintModel
import DNSLintReporting
import Foundation

/// `--config FILE` / `--no-config`: dnslint's own configuration (`.dnslint.yml`), shared by check, live and analyze.
struct ConfigFlags: ParsableArguments {
    @Option(name: .long, help: "dnslint configuration file (default: the nearest .dnslint.yml, looking up to the repository root).")
    var config: String?

    @Flag(name: .long, help: "Ignore any .dnslint.yml.")
    var noConfig = false

    func validate() throws {
        if config != nil, noConfig { throw ValidationError("--config and --no-config exclude each other") }
    }

    /// The configuration of this run, or nil (none found, or --no-config).
    func load() throws(InputError) -> ProjectConfig? {
        if noConfig { return nil }
        if let config {
            guard FileManager.default.fileExists(atPath: config) else { throw InputError("--config \(config): no such file") }
            return try ConfigReader.load(path: config)
        }
        guard let found = ConfigDiscovery.find() else { return nil }
        return try ConfigReader.load(path: found, shownAs: RelativePath.shown(found))
    }

    /// Loads the configuration and merges it with the flags, which win over it.
    func settings(lint: LintFlags, output: OutputOptions) throws(InputError) -> RunSettings {
        let project = try load()
        var options = lint.optionsForRun()
        var output = output
        if let inventory = project?.inventory {
            if lint.libc == nil, let libc = inventory.libc { options.libc = libc }
            if lint.clusterDomain == nil, let domain = inventory.clusterDomain { options.clusterDomain = domain }
            if lint.corednsVersion == nil, let version = inventory.corednsVersion {
                options.corednsVersion = version
                options.corednsVersionConfigFile = project?.file
            }
        }
        if output.failOn == nil { output.failOn = project?.failOn }
        if lint.maxFileBytes == nil, let bytes = project?.maxFileBytes { options.maxFileBytes = bytes }
        if lint.maxLineBytes == nil, let bytes = project?.maxLineBytes { options.maxLineBytes = bytes }
        let policy = try ProjectPolicy.build(config: project, select: output.select, disable: output.disable)
        return RunSettings(project: project, options: options, policy: policy, output: output)
    }
}

/// What one run uses once flags and configuration are merged.
struct RunSettings {
    var project: ProjectConfig?
    var options: LintOptions
    var policy: Policy
    /// The output flags, with `--fail-on` taken from the configuration when not given.
    var output: OutputOptions
}
