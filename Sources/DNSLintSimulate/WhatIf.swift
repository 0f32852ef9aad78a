import DNSLintModel

/// The known remedies, each applied alone to a plan, so a user sees which change fixes their case.
package enum Remedy: String, Sendable, CaseIterable, Codable {
    case equalTTLs = "equal TTLs along the chain"
    case aaaaAtChainEnd = "an AAAA at the end of the chain"
    case coreDNS1147 = "CoreDNS 1.14.7 or later"
    case noAutopath = "no autopath"
    case preferUDP = "prefer_udp on forward"
    case singleRequestReopen = "single-request-reopen"
    case smallerNdots = "ndots:2"

    package func apply(to plan: SimulationPlan) -> SimulationPlan {
        var plan = plan
        switch self {
        case .equalTTLs: plan.upstream.adjustments.equalChainTTLs = true
        case .aaaaAtChainEnd: plan.upstream.adjustments.aaaaAtChainEnd = true
        case .coreDNS1147: plan.setup.version = max(plan.setup.version, CoreDNSVersion(1, 14, 7))
        case .noAutopath: plan.setup.autopath = false
        case .preferUDP: plan.setup.forward?.preferUDP = true
        case .singleRequestReopen: plan.client.settings.sequential = plan.client.settings.libc == .glibc
        case .smallerNdots: plan.client.settings.ndots = min(plan.client.settings.ndots, 2)
        }
        return plan
    }

    /// What the remedy changes that this simulation cannot see, said next to its result.
    package var caveat: String? {
        switch self {
        case .singleRequestReopen: "it avoids the conntrack race on parallel A/AAAA, which this simulation does not model"
        default: nil
        }
    }
}

/// One remedy's run next to the baseline.
package struct WhatIfResult: Sendable, Hashable, Codable {
    package var remedy: Remedy
    package var lookups: Int
    package var failures: Int
    package var failureRate: Double
    package var meanQueries: Double
    package var caveat: String?

    package static func run(_ plan: SimulationPlan) -> [WhatIfResult] {
        Remedy.allCases.map { remedy in
            let run = Simulation.run(remedy.apply(to: plan))
            let queries = run.events.map { Double($0.trace.queries.count) }
            return WhatIfResult(remedy: remedy, lookups: run.events.count, failures: run.failures, failureRate: run.failureRate,
                                meanQueries: queries.isEmpty ? 0 : queries.reduce(0, +) / Double(queries.count), caveat: remedy.caveat)
        }
    }
}
