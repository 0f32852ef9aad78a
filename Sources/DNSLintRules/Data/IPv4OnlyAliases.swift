import DNSLintModel
import LDNS

/// DNS1001 for a zone without a single AAAA record: IPv4-only by design, so one finding for the zone lists
/// its aliases instead of one warning per alias. Aliases whose A and AAAA answers expire apart (the error
/// form) are still reported one by one.
struct IPv4OnlyAliases: Sendable {
    /// The aliases reported together, the one the finding is anchored at (written first), and the finding.
    var aliases: Set<DNSName>
    var anchor: DNSName
    var finding: Finding

    /// Most related locations one finding lists; `aliases` in its arguments names them all.
    static let relatedLimit = 20

    /// For each zone view of the run without AAAA records and with at least two such aliases, keyed by the zone.
    static func find(in context: LintContext, rule: CNAMEChainNoAAAA) -> [ObjectIdentifier: IPv4OnlyAliases] {
        var result: [ObjectIdentifier: IPv4OnlyAliases] = [:]
        for view in context.views {
            guard let zone = view.zone, !hasAAAA(zone) else { continue }
            if let group = group(zone, view: view, rule: rule, threads: context.options.threads) {
                result[ObjectIdentifier(zone)] = group
            }
        }
        return result
    }

    private static func hasAAAA(_ zone: any ZoneContents) -> Bool {
        (0..<Int32(zone.nameCount)).contains { id in zone.records(of: id).contains { $0.type == .aaaa } }
    }

    private struct Alias: Sendable {
        var cname: ZoneRecord
        var a: DNSAnswer
        var aaaa: DNSAnswer
    }

    /// Resolves the zone's aliases (the names with a CNAME it serves) and keeps the broken chains of warning
    /// severity; nil when fewer than two, which are reported by name as usual.
    private static func group(_ zone: any ZoneContents, view: any DNSView, rule: CNAMEChainNoAAAA, threads: Int) -> IPv4OnlyAliases? {
        let owners = (0..<Int32(zone.nameCount)).filter { zone.isInZone($0) && zone.hasRecord($0, ofType: .cname) }
        let ranges = chunkRanges(owners.count, parts: threads * 4)
        let found = parallelMap(ranges.count, threads: threads) { chunk in
            ranges[chunk].compactMap { index -> Alias? in
                let owner = owners[index]
                guard let cname = zone.records(of: owner).first(where: { $0.type == .cname }) else { return nil }
                let name = zone.name(owner)
                let a = view.answer(name, .a)
                let aaaa = view.answer(name, .aaaa)
                guard CNAMEChainNoAAAA.isBrokenChain(a: a, aaaa: aaaa), rule.severity(a: a, aaaa: aaaa) == rule.metadata.severity else { return nil }
                return Alias(cname: cname, a: a, aaaa: aaaa)
            }
        }.flatMap { $0 }
        guard found.count >= 2 else { return nil }
        // In the order written: the first alias of the file carries the finding.
        let aliases = found.sorted { ($0.cname.file, $0.cname.line) < ($1.cname.file, $1.cname.line) }
        let origin = zone.origin
        let names = aliases.map(\.a.name)
        let shown = names.prefix(5).map { $0.relative(to: origin) }.joined(separator: ", ")
        let more = names.count > 5 ? " and \(names.count - 5) more" : ""
        let related = aliases.prefix(relatedLimit).map { alias in
            RelatedLocation(message: "\(alias.aaaa.chainDescription(relativeTo: origin)): \(alias.aaaa.finalName.relative(to: origin)) has A records but no AAAA",
                            location: zone.location(of: alias.cname))
        }
        let finding = rule.finding(
            "The zone \(origin.text) has no AAAA record at all, and \(names.count) of its CNAME chains (\(shown)\(more)) end at names with A records but no AAAA: AAAA queries for them get NOERROR with only CNAMEs.",
            at: zone.location(of: aliases[0].cname), subject: DNSSubject(name: origin.text, type: "AAAA"), related: related,
            arguments: ["aliases": .strings(names.map(\.text))])
        return IPv4OnlyAliases(aliases: Set(names), anchor: names[0], finding: finding)
    }
}
