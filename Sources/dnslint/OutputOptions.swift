import ArgumentParser
import DNSLint
import DNSLintModel
import DNSLintReporting
import DNSLintRules
import Foundation

extension OutputFormat: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}
extension Libc: ExpressibleByArgument {}
extension InputKind: ExpressibleByArgument {}

/// Where findings go and when the run fails; shared by check, live and analyze.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: text, json, sarif, github, rdjsonl, junit. Repeatable, paired with --output.")
    var format: [OutputFormat] = []

    @Option(name: .shortAndLong, help: "File for the matching --format ('-' for standard output). Repeatable.")
    var output: [String] = []

    @Option(name: .long, help: "Exit 1 when a finding is at or above this severity: error (default), warning, note, or never.")
    var failOn: String?

    @Option(name: .long, help: "Colour in text output: auto, always, never.")
    var color: String = "auto"

    @Option(name: .long, help: "Turn a rule off (code, name or code prefix such as DNS3). Repeatable.")
    var disable: [String] = []

    @Option(name: .long, help: "Run only these rules (code, name or code prefix such as DNS1), instead of the configuration's select. Repeatable.")
    var select: [String] = []

    func validate() throws {
        guard output.count <= max(format.count, 1) else {
            throw ValidationError("more --output than --format values: give one --format for each --output")
        }
        if let failOn, failOn != "never", Severity(rawValue: failOn) == nil {
            throw ValidationError("--fail-on takes error, warning, note or never, not \(failOn)")
        }
        guard ["auto", "always", "never"].contains(color) else { throw ValidationError("--color takes auto, always or never") }
        do { _ = try ProjectPolicy.build(config: nil, select: select, disable: disable) } catch { throw ValidationError(error.message) }
    }

    /// The policy of these flags alone, without a configuration file (commands that read one use `ConfigFlags`).
    var policy: Policy {
        (try? ProjectPolicy.build(config: nil, select: select, disable: disable)) ?? Policy()
    }

    /// Writes every requested report and turns the findings into the exit code.
    func emit(_ report: LintReport, category: String, verbose: Bool = false) throws {
        if verbose {
            for file in report.skipped {
                FileHandle.standardError.write(Data("dnslint: skipped \(file.path): \(file.reason)\n".utf8))
            }
        }
        var report = report
        let elapsed = ContinuousClock.now - RunClock.started
        report.elapsedSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let clock = PhaseClock()
        defer { clock.mark("write reports") }
        let formats = format.isEmpty ? [OutputFormat.text] : format
        for (index, format) in formats.enumerated() {
            let destination = index < output.count ? output[index] : "-"
            let toTerminal = destination == "-" && isatty(STDOUT_FILENO) == 1
            let useColor = color == "always" || (color == "auto" && toTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
            let context = ReportContext(rules: RuleRegistry.all, category: category, color: useColor,
                                        workingDirectory: FileManager.default.currentDirectoryPath)
            if destination == "-" {
                try StandardOutput.write { Reporters.write(report, as: format, context: context, to: $0) }
                continue
            }
            // Complete or not at all: the report takes its name only once fully written (a device or FIFO
            // is written in place, see AtomicFile). Errors are one line naming the file, exit 2; a pipe whose
            // reader left (/dev/stdout on `| head`) is let go quietly, as standard output is.
            let file = try AtomicFile(path: destination)
            let sink = OutputSink(handle: file.handle)
            Reporters.write(report, as: format, context: context, to: sink)
            if let failure = sink.failure, !sink.readerClosed {
                file.discard()
                throw InputError("\(destination): cannot write the file (\(failure))")
            }
            try file.commit()
        }
        if formats.contains(.github) { Self.appendStepSummary(report) }
        if let threshold = Severity(rawValue: failOn ?? "error"),
           report.findings.contains(where: { $0.severity >= threshold }) {
            throw ExitCode(1)
        }
    }
}

/// When the command started, for the text summary's duration.
enum RunClock {
    static let started = ContinuousClock.now
}

/// How inputs are read and judged; shared by check, live and analyze.
struct LintFlags: ParsableArguments {
    @Option(name: .long, help: "Origin for zone files (default: $ORIGIN, an absolute SOA owner, or the file name).")
    var origin: String?

    @Flag(name: .long, help: "Let $INCLUDE read files outside the including zone's folder.")
    var allowIncludeOutside = false

    @Option(name: .long, help: "Read every input as this kind: zone, corefile, resolv-conf, manifest, live.")
    var kind: InputKind?

    @Option(name: .long, help: "The C library of every client: glibc or musl (default: each workload's image tells, musl for Alpine-based ones; glibc otherwise).")
    var libc: Libc?

    @Option(name: .long, help: "CoreDNS version the Corefiles run on (default: each Corefile's from a CoreDNS image beside it, else unknown and assumed affected).")
    var corednsVersion: String?

    @Option(name: .long, help: "Kubernetes cluster domain (default: cluster.local).")
    var clusterDomain: String?

    @Option(name: .long, help: "CNAME hops recorded per answer (default \(LintOptions.defaultMaxCNAMEHops)). Chains are followed up to 4,096 hops further, in zone files and live, so a loop is told from a long chain and a long chain gets its true length.")
    var maxCnameHops = LintOptions.defaultMaxCNAMEHops

    @Option(name: .long, help: "Largest input file read, e.g. 65536, 64K, 256M, 1G (default 256M); a larger one is a DNS0005 finding and is not read.")
    var maxFileBytes: String?

    @Option(name: .long, help: "Longest input line read, e.g. 4096 or 64K (default 64K); a longer one is a syntax finding and is skipped.")
    var maxLineBytes: String?

    @Option(name: .long, help: "Wall-clock budget for the whole run, e.g. 90s, 30m, 1h30m: then dnslint stops taking new work and reports what it has (DNS0007).")
    var deadline: String?

    @Flag(name: .long, help: "List on stderr the files a folder scan skipped, and why.")
    var verbose = false

    @Option(name: .long, help: "Worker threads (default: all cores).")
    var threads: Int?

    func validate() throws {
        do {
            try CoreDNSVersion.validateFlag(corednsVersion)
        } catch {
            throw ValidationError(error.message)
        }
        if let threads, threads < 1 { throw ValidationError("--threads takes a positive number") }
        if maxCnameHops < 1 { throw ValidationError("--max-cname-hops takes a positive number") }
        for (flag, value) in [("--max-file-bytes", maxFileBytes), ("--max-line-bytes", maxLineBytes)] {
            if let value, ByteSize.bytes(value) == nil { throw ValidationError("\(flag) takes \(ByteSize.expected), not \(value)") }
        }
        if let deadline, (GoDuration.seconds(deadline) ?? -1) < 0 {
            throw ValidationError("--deadline takes a duration such as 90s, 30m or 1h30m, not \(deadline)")
        }
    }

    /// Options for one run, with its stop armed: the deadline, and SIGINT/SIGTERM, which from now on make
    /// dnslint finish with what it has instead of dying with nothing.
    func optionsForRun() -> LintOptions {
        var options = self.options
        options.stop = RunStop.install(deadline: deadline.flatMap(GoDuration.seconds), text: deadline)
        return options
    }

    var options: LintOptions {
        var options = LintOptions()
        options.origin = origin
        options.allowIncludeOutside = allowIncludeOutside
        options.kindOverride = kind
        options.libcOverride = libc
        options.corednsVersion = corednsVersion
        options.clusterDomain = clusterDomain ?? "cluster.local"
        if let threads { options.threads = max(1, threads) }
        options.maxCNAMEHops = maxCnameHops
        if let bytes = maxFileBytes.flatMap(ByteSize.bytes) { options.maxFileBytes = bytes }
        if let bytes = maxLineBytes.flatMap(ByteSize.bytes) { options.maxLineBytes = bytes }
        return options
    }
}
