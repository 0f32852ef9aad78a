import DNSLintModel
import LDNS

/// What the servers behind `forward` answer: the zones among the inputs (or a capture's views).
package struct Upstream: Sendable {
    /// One upstream answer and how long a cache may keep it.
    package struct Answer: Sendable, Hashable {
        package var reply: ServerReply
        /// plugin/cache minMsgTTL: the smallest TTL in the answer, or the SOA minimum for a denial.
        package var ttl: UInt32
        /// Size without EDNS, when known: over 512 bytes a non-EDNS client gets TC.
        package var size: Int?
    }

    /// What-if changes to the data: the final records take the CNAMEs' TTL; a NODATA at a chain's end gets an AAAA.
    package struct Adjustments: Sendable, Hashable {
        package var equalChainTTLs = false
        package var aaaaAtChainEnd = false
        package init() {}
    }

    let views: [any DNSView]
    package var adjustments = Adjustments()
    /// The negative TTL for names no view holds (a public name dnslint has no data for).
    let unknownNegativeTTL: UInt32 = 300

    package init(views: [any DNSView]) { self.views = views }

    package func answer(_ name: String, _ type: ClientQuery.QueryType) -> Answer { answer(name, type, depth: 0) }

    private func answer(_ name: String, _ type: ClientQuery.QueryType, depth: Int) -> Answer {
        let dnsName = DNSName(name)
        // The most specific zone that holds the name.
        let view = views.filter { view in view.zoneOrigin.map { dnsName == $0 || dnsName.isSubdomain(of: $0) } ?? true }
            .max { ($0.zoneOrigin?.text.count ?? 0) < ($1.zoneOrigin?.text.count ?? 0) }
        guard let view else {
            return Answer(reply: .nxDomain, ttl: unknownNegativeTTL, size: nil)
        }
        var answer = view.answer(dnsName, type == .a ? .a : .aaaa)
        if adjustments.aaaaAtChainEnd, type == .aaaa, answer.outcome == .noData, let last = answer.chain.last {
            answer.outcome = .records
            answer.records = [AnswerRecord(type: .aaaa, ttl: last.ttl, origin: last.origin)]
        }
        let size = answer.sizeWithoutEDNS?.bytes
        var ttl = answer.effectiveTTL ?? unknownNegativeTTL
        if adjustments.equalChainTTLs, let chainTTL = answer.chain.map(\.ttl).min() { ttl = chainTTL }
        switch answer.outcome {
        case .records:
            let addresses = answer.records.filter { $0.type == (type == .a ? .a : .aaaa) }.map { _ in type.rawValue }
            return Answer(reply: ServerReply(rcode: .noError, answerCount: answer.chain.count + answer.records.count,
                                             addresses: addresses), ttl: ttl, size: size)
        case .noData:
            return Answer(reply: ServerReply(rcode: .noError, answerCount: answer.chain.count), ttl: ttl, size: size)
        case .nxDomain:
            return Answer(reply: ServerReply(rcode: .nxDomain, answerCount: answer.chain.count), ttl: ttl, size: size)
        case .leftView(let target):
            // The chain leaves the zone: ask for the rest (a few zones deep) and keep the CNAMEs seen so far.
            guard depth < 8 else { return Answer(reply: .servFail, ttl: 0, size: size) }
            var rest = self.answer(target.text, type, depth: depth + 1)
            rest.reply.answerCount += answer.chain.count
            rest.ttl = min(rest.ttl, ttl)
            return rest
        case .loop, .hopLimit, .failed:
            return Answer(reply: .servFail, ttl: 0, size: size)
        }
    }
}
