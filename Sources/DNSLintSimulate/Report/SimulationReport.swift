import DNSLintModel

/// Everything a simulation printed, as the JSON report (schemas/dnslint-simulate.schema.json) holds it.
package struct SimulationReport: Sendable, Codable {
    package struct Inputs: Sendable, Codable {
        package var corefile: String
        package var corednsVersion: String
        package var corednsVersionSource: String
        package var client: String
        package var libc: String
        package var search: [String]
        package var ndots: Int
        package var autopath: Bool
        package var cacheInFrontOfAutopath: Bool
    }

    package struct Parameters: Sendable, Codable {
        package var durationSeconds: Double
        package var arrivals: String
        package var autopathMiss: Double
        package var seed: UInt64
    }

    package var version = 1
    package var inputs: Inputs
    package var parameters: Parameters
    package var lookups: Int
    package var failures: Int
    package var failureRate: Double
    package var names: [SimulationRun.NameSummary]
    package var whatIf: [WhatIfResult]?
    package var events: [LookupEvent]
    package var cache: [CacheInterval]

    package init(run: SimulationRun, corefile: String, versionSource: String, client: String, whatIf: [WhatIfResult]?) {
        let plan = run.plan
        inputs = Inputs(corefile: corefile, corednsVersion: plan.setup.version.description, corednsVersionSource: versionSource,
                        client: client, libc: plan.client.settings.libc.rawValue, search: plan.client.settings.search,
                        ndots: plan.client.settings.ndots, autopath: plan.setup.autopath,
                        cacheInFrontOfAutopath: plan.setup.autopath && plan.setup.cache != nil && plan.setup.cacheInFrontOfAutopath)
        let arrivals = switch plan.arrivals {
        case .every(let seconds): "every \(Simulation.format(seconds)) s"
        case .poisson(let rate): "Poisson, \(rate) per second"
        }
        parameters = Parameters(durationSeconds: plan.duration, arrivals: arrivals, autopathMiss: plan.autopathMiss, seed: plan.seed)
        lookups = run.events.count
        failures = run.failures
        failureRate = run.failureRate
        names = run.summaries
        self.whatIf = whatIf
        events = run.events
        cache = run.cache
    }
}
