import DNSLintModel
import LDNS

/// DNS1007 live (RFC 2181 10.3): a name whose zone (or names-file line) says it holds MX, NS, SRV or SOA
/// records is asked each of those types, and each host its answers name is asked A, so the rule can tell an
/// alias target from a host. Kept apart from `audit` (which calls it once) and built on `step` and
/// `cachedStep` as they are, so the per-query machinery can change without touching this.
extension Prober {
    /// The queries for `entry`'s host-naming records and for each named host's A, recorded like every other
    /// query of the name: a capture judged offline reaches the same verdict, and each name's record stands
    /// alone (a target asked for many names is asked once, through the hop cache, and recorded with each).
    func targetQueries(_ entry: NameEntry, server: ServerAddress?) async -> [CapturedQuery] {
        guard !entry.targetTypes.isEmpty else { return [] }
        let name = entry.name
        let typeSteps = await steps(entry.targetTypes.map { Ask(name, $0, edns: true) }, server: server)
        var queries = typeSteps.flatMap(\.queries)
        // The targets as the rule will read them: through the same reading of the recorded answers, with the
        // run's hop limit.
        let answers = LiveAnswers(record: CapturedName(name: name.text, server: "", source: nil, queries: queries),
                                  maxCNAMEHops: settings.maxCNAMEHops)
        var targets: [DNSName] = []
        for type in entry.targetTypes {
            for target in answers.answer(name, type).records.compactMap(\.target)
            // The root is "no such service" (RFC 2782) or a null MX (RFC 7505); the name's own A is asked already.
            where target != .root && target != name && !targets.contains(target) {
                targets.append(target)
            }
        }
        let targetQueries = await inOrder(targets) { target in
            await self.cachedStep(target, .a, server: server).queries
        }
        queries += targetQueries.flatMap { $0 }
        return queries
    }
}
