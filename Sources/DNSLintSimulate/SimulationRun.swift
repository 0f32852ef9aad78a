import DNSLintModel

/// The result of a run, summarised per looked-up name.
package struct SimulationRun: Sendable {
    package var plan: SimulationPlan
    package var events: [LookupEvent]
    package var cache: [CacheInterval]

    package struct NameSummary: Sendable, Hashable, Codable {
        package var name: String
        package var lookups: Int
        package var failures: Int
        package var failureRate: Double
        /// Outcome kind → count.
        package var outcomes: [String: Int]
        /// Spans of consecutive failed lookups, [first failure, next success).
        package var failureWindows: [Window]
        package var queriesPerLookup: QueryCount
        /// Distinct causes, most frequent first.
        package var causes: [Cause]

        package struct Window: Sendable, Hashable, Codable {
            package var start: Double
            package var end: Double
            package var failures: Int
        }

        package struct QueryCount: Sendable, Hashable, Codable {
            package var min: Int
            package var mean: Double
            package var max: Int
        }

        package struct Cause: Sendable, Hashable, Codable {
            package var text: String
            package var count: Int
        }
    }

    package var summaries: [NameSummary] {
        plan.names.map { name in summary(for: name, events.filter { $0.name == name }) }
    }

    package var failures: Int { events.filter { $0.trace.outcome.failed }.count }
    package var failureRate: Double { events.isEmpty ? 0 : Double(failures) / Double(events.count) }

    private func summary(for name: String, _ events: [LookupEvent]) -> NameSummary {
        var outcomes: [String: Int] = [:]
        var windows: [NameSummary.Window] = []
        var open: NameSummary.Window?
        var causes: [String: Int] = [:]
        for event in events {
            outcomes[event.trace.outcome.kind.rawValue, default: 0] += 1
            if event.trace.outcome.failed {
                if open == nil { open = NameSummary.Window(start: event.time, end: plan.duration, failures: 0) }
                open!.failures += 1
                if let cause = event.cause { causes[cause, default: 0] += 1 }
            } else if var window = open {
                window.end = event.time
                windows.append(window)
                open = nil
            }
        }
        if let open { windows.append(open) }
        let counts = events.map(\.trace.queries.count)
        let failures = events.filter { $0.trace.outcome.failed }.count
        return NameSummary(
            name: name, lookups: events.count, failures: failures,
            failureRate: events.isEmpty ? 0 : Double(failures) / Double(events.count),
            outcomes: outcomes, failureWindows: windows,
            queriesPerLookup: NameSummary.QueryCount(min: counts.min() ?? 0,
                                                     mean: counts.isEmpty ? 0 : Double(counts.reduce(0, +)) / Double(counts.count),
                                                     max: counts.max() ?? 0),
            causes: causes.map { NameSummary.Cause(text: $0.key, count: $0.value) }
                .sorted { ($0.count, $1.text) > ($1.count, $0.text) })
    }
}
