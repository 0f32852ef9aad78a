import ArgumentParser
import DNSLint
import DNSLintModel
import DNSLintSimulate
import Foundation

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Replay lookups through the clients' getaddrinfo and CoreDNS over time, and show when and why they fail.",
        discussion: """
            Reads what check reads: the CoreDNS Corefile (or ConfigMap) and its version, the client workload's DNS \
            settings (a manifest or a resolv.conf) and the zones behind forward. Example:
              dnslint simulate examples/ --lookup api.example.com --from shop/web --duration 10m --what-if
            """
    )

    @Argument(help: "Files or folders to read (as for check).")
    var paths: [String]

    @Option(name: .long, help: "A name the application looks up (repeatable).")
    var lookup: [String] = []

    @Option(name: .long, help: "The workload whose pods look the names up, namespace/name (default: the first among the inputs).")
    var from: String?

    @Option(name: .long, help: "How long to simulate, e.g. 10m, 1h.")
    var duration = "10m"

    @Option(name: .long, help: "One lookup of each name this often, e.g. 1s, 500ms (default 1s).")
    var every: String?

    @Option(name: .long, help: "Poisson arrivals instead: this many lookups of each name per second.")
    var rate: Double?

    @Option(name: .long, help: "Share of lookups whose pod IP CoreDNS maps to another namespace (pod IP reuse), 0 to 1.")
    var autopathMiss = 0.05

    @Option(name: .long, help: "Seed of the run's random choices; the same seed gives the same run.")
    var seed: UInt64 = 1

    @Flag(name: .long, help: "Run again with each known remedy applied alone and print the failure rate of each.")
    var whatIf = false

    @Option(name: .long, help: "text (default) or json.")
    var format = "text"

    @Option(name: .long, help: "Write the report here instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Write a self-contained HTML report with the timeline here.")
    var html: String?

    @OptionGroup var lint: LintFlags

    func validate() throws {
        guard !lookup.isEmpty else { throw ValidationError("give at least one --lookup NAME") }
        guard ["text", "json"].contains(format) else { throw ValidationError("--format takes text or json, not \(format)") }
        guard (0...1).contains(autopathMiss) else { throw ValidationError("--autopath-miss takes a share from 0 to 1, not \(autopathMiss)") }
        guard every == nil || rate == nil else { throw ValidationError("give --every or --rate, not both") }
        if let rate, rate <= 0 { throw ValidationError("--rate takes lookups per second above 0, not \(rate)") }
    }

    func run() throws {
        let seconds = try Self.seconds(duration, flag: "--duration")
        let arrivals: SimulationPlan.Arrivals = if let rate { .poisson(rate) } else { .every(try Self.seconds(every ?? "1s", flag: "--every")) }
        // Every lookup is kept for the report and the timeline: bound the run instead of running out of memory.
        let perName = switch arrivals {
        case .every(let interval): seconds / interval
        case .poisson(let rate): seconds * rate
        }
        guard perName * Double(lookup.count) <= Double(Self.maximumLookups) else {
            throw ValidationError("--duration \(duration) with that rate makes about \(Int(perName) * lookup.count) lookups; "
                                  + "at most \(Self.maximumLookups) are simulated: use a shorter --duration or a slower rate")
        }
        let request = SimulationInputs.Request(paths: paths, lookups: lookup, from: from, duration: seconds, arrivals: arrivals,
                                               autopathMiss: autopathMiss, seed: seed, options: lint.optionsForRun())
        let (plan, sources) = try SimulationInputs.plan(request)
        let run = Simulation.run(plan)
        let whatIfResults = whatIf ? WhatIfResult.run(plan) : nil
        let report = SimulationReport(run: run, corefile: sources.corefile, versionSource: sources.versionSource,
                                      client: sources.client, whatIf: whatIfResults)
        if let html {
            try Self.write(SimulationHTML.render(report), to: html)
        }
        let text: String
        if format == "json" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            text = String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
        } else {
            text = SimulationText.render(report, htmlPath: html)
        }
        if let output {
            try Self.write(text, to: output)
        } else {
            try StandardOutput.write(text)
        }
    }

    static let maximumLookups = 1_000_000

    static func seconds(_ text: String, flag: String) throws -> Double {
        guard let value = GoDuration.seconds(text), value > 0 else {
            throw ValidationError("\(flag) takes a duration such as 30s, 10m or 1h, not \(text)")
        }
        return value
    }

    static func write(_ text: String, to path: String) throws {
        try AtomicFile.write(Data(text.utf8), to: path)
    }
}
