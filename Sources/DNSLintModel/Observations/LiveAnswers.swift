import LDNS

/// The final outcome of asking one name/type once (over UDP, retried, perhaps over TCP after TC).
package struct LiveStep: Sendable {
    /// The response the answer is read from: the TCP one after TC when it came, else the last UDP one.
    package var response: CapturedResponse?
    /// Seconds into the run when `response` arrived (nil in captures made before it was recorded).
    package var at: Double?
    package var server: String
    /// Why no usable response came (timeout, malformed, SERVFAIL...).
    var failure: String?
    /// The UDP response had TC set.
    package var truncated: Bool
    /// After TC, the TCP retry failed: why.
    package var tcpFailure: String?
    /// The UDP answer this step's TC came from and the TCP answer that followed it.
    package var udpResponse: CapturedResponse?
    var tcpResponse: CapturedResponse?
}

/// Derives answers from the queries recorded for one audited name. Pure: the same capture gives
/// the same answers live and offline.
package struct LiveAnswers: Sendable {

    let record: CapturedName
    /// CNAME hops kept in an answer's chain (`--max-cname-hops`); the hops after them are only counted.
    let maxCNAMEHops: Int

    /// The run's `maxCNAMEHops` is required: answers read with another limit than the rules' differ.
    package init(record: CapturedName, maxCNAMEHops: Int) {
        self.record = record
        self.maxCNAMEHops = max(1, maxCNAMEHops)
    }

    /// The step for `name`/`type`, or nil when it was never asked.
    package func step(_ name: DNSName, _ type: RRType, edns: Bool) -> LiveStep? {
        let typeText = type.mnemonic
        let queries = record.queries
        // Positions, not copies: a query holds a dozen strings and arrays, and every audited name asks this
        // of each of its exchanges.
        var lastUDPIndex: Int?
        var answeredIndex: Int?
        var tcpIndex: Int?
        // Captured names are already lower case and absolute, as `DNSName` spells them.
        for index in queries.indices
        where queries[index].edns == edns && queries[index].type == typeText && queries[index].name == name.text {
            if queries[index].transport == .udp {
                lastUDPIndex = index
                if queries[index].response != nil { answeredIndex = index }
            } else {
                tcpIndex = index
            }
        }
        guard let lastIndex = lastUDPIndex ?? tcpIndex else { return nil }
        // Fields read in place: copying a whole query retained and released a dozen of its parts.
        let answeredResponse = answeredIndex.flatMap { queries[$0].response }
        let tcpResponse = tcpIndex.flatMap { queries[$0].response }
        var step = LiveStep(response: answeredResponse, server: queries[answeredIndex ?? lastIndex].server, failure: nil,
                            truncated: answeredResponse?.truncated ?? false, tcpFailure: nil,
                            udpResponse: answeredResponse, tcpResponse: tcpResponse)
        step.at = answeredIndex.flatMap { queries[$0].at }
        if let tcpIndex, step.truncated || answeredIndex == nil {
            if let tcpResponse {
                step.response = tcpResponse
                step.at = queries[tcpIndex].at
                step.server = queries[tcpIndex].server
            } else if step.truncated {
                step.tcpFailure = Self.reason(queries[tcpIndex])
            }
        }
        if let response = step.response {
            let rcode = response.rcodeValue ?? 2
            if rcode != 0 && rcode != 3 { step.failure = response.rcode }
        } else {
            step.failure = Self.reason(queries[lastIndex])
        }
        return step
    }

    /// Types asked for the audited name itself beyond A and AAAA, in the order first asked: the MX, NS, SRV
    /// and SOA a zone said the name holds. Empty for names from a names file and in older captures.
    package var otherTypes: [RRType] {
        let name = DNSName(record.name).text
        var types: [RRType] = []
        for query in record.queries where query.edns && query.name == name {
            guard let type = RRType(mnemonic: query.type), type != .a, type != .aaaa, !types.contains(type) else { continue }
            types.append(type)
        }
        return types
    }

    static func reason(_ query: CapturedQuery) -> String {
        switch query.status {
        case .response: query.response?.rcode ?? "no response"
        case .timeout: "timeout"
        case .malformed: "malformed response" + (query.error.map { " (\($0))" } ?? "")
        case .error: query.error ?? "network error"
        }
    }

    /// When the first query for this audited name went out (seconds into the run), if the capture says.
    var firstSent: Double? {
        var first: Double?
        for query in record.queries {
            guard let at = query.at else { continue }
            let sent = at - (query.ms ?? 0) / 1000
            first = min(first ?? sent, sent)
        }
        return first
    }

    /// The answer to `name`/`type` with EDNS, following every CNAME hop the prober asked itself.
    package func answer(_ name: DNSName, _ type: RRType) -> DNSAnswer {
        var answer = DNSAnswer(name: name, type: type, outcome: .failed("not asked"), rcode: nil)
        var current = name
        // Only a chain needs it: most answers end at the name itself.
        var visited: Set<DNSName> = []
        while true {
            guard let step = step(current, type, edns: true) else {
                // Past the hops the prober recorded: the chain's tail says how it went on.
                if current != name, let tail = record.tails?.first(where: { $0.type == type.mnemonic && $0.from == current.text }) {
                    answer.hopsNotRecorded += tail.hops
                    answer.outcome = tail.end == .loop ? .loop : .hopLimit
                    // Still going at the prober's cap: the true length is not known ("at least", as a zone says).
                    if tail.end == .limit { answer.hopsNotRecorded = 0 }
                } else {
                    answer.outcome = current == name ? .failed("not asked") : .hopLimit
                    answer.hopsNotRecorded = 0
                    answer.rcode = nil
                }
                break
            }
            if current == name { answer.server = step.server }
            if let at = step.at {
                // From the first query sent for this name: any of them (a retry's first try, the query
                // without EDNS) may have filled the resolver's cache, which then ages until this reading.
                let start = min(firstSent ?? at, at)
                answer.readAt = answer.readAt.map { min($0.lowerBound, start)...max($0.upperBound, at) } ?? start...at
            }
            guard let response = step.response, step.failure == nil else {
                answer.outcome = .failed(step.failure ?? "no response")
                answer.rcode = step.response?.rcodeValue
                break
            }
            answer.rcode = response.rcodeValue
            let origin = RecordOrigin(server: step.server)
            if type != .cname, let hop = Self.nextHop(from: current, in: response, origin: origin) {
                let target = hop.target
                if answer.chain.count < maxCNAMEHops {
                    answer.chain.append(hop)
                } else {
                    answer.hopsNotRecorded += 1
                }
                if visited.isEmpty { visited.insert(name) }
                if !visited.insert(target).inserted {
                    answer.outcome = .loop
                    break
                }
                current = target
                continue
            }
            if answer.hopsNotRecorded > 0 {
                // Longer than the recording limit: judged by its length, as a zone judges it, not by its end,
                // which the recorded hops no longer lead to.
                answer.outcome = .hopLimit
                break
            }
            // Owners compared in wire form: a name string per record cost two allocations.
            let currentWire = current.wire ?? []
            for record in response.answer where record.type == type && WireName.equalIgnoringCase(record.parts.owner, currentWire) {
                answer.records.append(AnswerRecord(type: type, ttl: record.ttl, origin: origin,
                                                   target: RRType.hostTargetTypes.contains(type) ? record.target : nil))
            }
            if !answer.records.isEmpty {
                answer.outcome = .records
            } else {
                answer.outcome = answer.rcode == 3 ? .nxDomain : .noData
                answer.negativeTTL = response.authority.lazy.compactMap(\.negativeTTL).first
            }
            break
        }
        if let plain = step(name, type, edns: false) {
            answer.truncatedWithoutEDNS = plain.truncated
            if plain.truncated {
                answer.sizeWithoutEDNS = plain.tcpResponse.map { AnswerSize(bytes: $0.size, exact: true) }
            } else if let response = plain.response {
                answer.sizeWithoutEDNS = AnswerSize(bytes: response.size, exact: true)
            }
        }
        return answer
    }

    /// The CNAME hop from `name` in a response: its CNAME record, marked as synthesized when a DNAME in the
    /// answer redirects `name` to the same target; or, when a server sent the DNAME alone, the hop it implies.
    static func nextHop(from name: DNSName, in response: CapturedResponse, origin: RecordOrigin) -> CNAMEHop? {
        let dname = DNAMERedirect.find(for: name, in: response.answer.map(\.parts))
        if let cname = response.answer.first(where: { $0.type == .cname && $0.owner == name }), let target = cname.target {
            return CNAMEHop(owner: name, target: target, ttl: cname.ttl, origin: origin,
                            dname: dname?.target == target ? dname?.owner : nil)
        }
        return dname.map { CNAMEHop(owner: name, target: $0.target, ttl: $0.ttl, origin: origin, dname: $0.owner) }
    }

    /// Every distinct step recorded (the subject, each hop, each search expansion; with and without EDNS),
    /// in the order first asked.
    package func steps() -> [(name: DNSName, type: RRType, edns: Bool, step: LiveStep)] {
        // A list, not a set: a name has a handful of exchanges (a few hundred at most, along a long chain), and
        // hashing each key's strings cost more than comparing them.
        var seen: [ExchangeKey] = []
        var steps: [(name: DNSName, type: RRType, edns: Bool, step: LiveStep)] = []
        for query in record.queries {
            // The prober records names as `DNSName` spells them; only a hand-edited capture needs them spelled so.
            let spelledAsRecorded = DNSName.isNormalizedSpelling(query.name)
            let key = ExchangeKey(name: spelledAsRecorded ? query.name : query.name.lowercased(), type: query.type, edns: query.edns)
            guard !seen.contains(key) else { continue }
            seen.append(key)
            guard let type = RRType(mnemonic: query.type) else { continue }
            let name = spelledAsRecorded ? DNSName(normalized: query.name) : DNSName(query.name)
            if let step = step(name, type, edns: query.edns) { steps.append((name, type, query.edns, step)) }
        }
        return steps
    }
}

/// One name/type/EDNS exchange, as the captured queries spell it.
private struct ExchangeKey: Equatable {
    var name: String
    var type: String
    var edns: Bool
}
