import LDNS

/// What servers were asked for one audited name and how each exchange went (transport, TC, EDNS, rcodes
/// of each search-list expansion): what live-only rules read beyond the answers.
package struct RecordedQueries: Sendable {
    /// The search domains the name was expanded with (empty without a resolv.conf).
    package var search: [DNSName]
    let answers: LiveAnswers
    /// Worked out once: more than one rule reads every exchange of every name.
    private let exchanges: [(name: DNSName, type: RRType, edns: Bool, step: LiveStep)]

    package init(search: [DNSName], answers: LiveAnswers) {
        self.search = search
        self.answers = answers
        exchanges = answers.steps()
    }

    /// The outcome of asking `name`/`type` once (UDP, retries, TCP after TC), or nil when it was never asked.
    package func step(_ name: DNSName, _ type: RRType, edns: Bool) -> LiveStep? {
        answers.step(name, type, edns: edns)
    }

    /// The answer to `name`/`type` from the queries recorded for this audited name, or nil when none asked it.
    /// Besides the name itself, its CNAME hops and its search expansions, the prober asks some names on its
    /// behalf: the targets of its MX, NS, SRV and SOA records (DNS1007).
    package func answer(_ name: DNSName, _ type: RRType) -> DNSAnswer? {
        guard answers.step(name, type, edns: true) != nil else { return nil }
        return answers.answer(name, type)
    }

    /// Every distinct name/type/EDNS exchange, in the order first asked.
    package func steps() -> [(name: DNSName, type: RRType, edns: Bool, step: LiveStep)] {
        exchanges
    }
}
