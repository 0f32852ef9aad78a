import DNSLintModel
import LDNS

/// A Corefile server block that answers a name, with the Corefile it belongs to.
struct ServingBlock: Sendable {
    var corefile: Corefile
    var block: Corefile.ServerBlock

    var title: String { "'\(block.title)' (\(corefile.path))" }
}

/// Routes names to the Corefile server blocks a combined rule cares about (CoreDNS' own routing:
/// the longest key zone wins, per listener). Built once per run: when no Corefile has such a block the
/// rule has nothing to do, and the name pass does not even call it.
struct CorefileRouter: Sendable {
    let corefiles: [Corefile]
    let wanted: @Sendable (Corefile.ServerBlock) -> Bool

    /// Nil when no Corefile has a block the rule cares about: the rule's cheap early exit.
    init?(_ context: LintContext, wanted: @escaping @Sendable (Corefile.ServerBlock) -> Bool) {
        corefiles = context.inputs(of: Corefile.self).filter { $0.serverBlocks.contains(where: wanted) }
        self.wanted = wanted
        if corefiles.isEmpty { return nil }
    }

    /// The wanted blocks that answer `name`, once each (a block listening on two ports is one block);
    /// empty for names no such block serves, which the rule then skips.
    func blocks(serving name: DNSName) -> [ServingBlock] {
        corefiles.flatMap { corefile in
            var seen: Set<SourceLocation> = []
            return corefile.routes(for: name).filter { wanted($0.block) && seen.insert($0.block.location).inserted }
                .map { ServingBlock(corefile: corefile, block: $0.block) }
        }
    }
}

extension Corefile.ServerBlock {
    /// Zones an authoritative plugin of this block answers from its own data (`file DB [ZONES]`,
    /// `secondary [ZONES]`): plugin.cfg runs these before forward, so forward never sees their names.
    var authoritativeZones: [DNSName] {
        let blockZones = keys.flatMap(\.zones)
        var zones: [DNSName] = []
        for directive in directives {
            switch directive.name {
            case "file":
                let listed = directive.args.dropFirst()
                zones += listed.isEmpty ? blockZones : listed.map { DNSName($0) }
            case "secondary":
                zones += directive.args.isEmpty ? blockZones : directive.args.map { DNSName($0) }
            default: continue
            }
        }
        return zones
    }

    /// The forward lines that would send `name` upstream and hand a truncated answer back as is:
    /// their FROM covers it, no `except` excludes it, and no file/secondary zone of the block answers it.
    func forwardsPassingTruncation(for name: DNSName) -> [ForwardSettings] {
        guard !authoritativeZones.contains(where: { name.isSubdomain(of: $0) }) else { return [] }
        return forwardsPassingTruncation.filter { forward in
            guard let from = forward.from, name.isSubdomain(of: DNSName(from)) else { return false }
            let excepted = forward.directive.options(named: "except").flatMap(\.args).map { DNSName($0) }
            return !excepted.contains { name.isSubdomain(of: $0) }
        }
    }
}

extension LintContext {
    /// Where the CoreDNS version came from when no flag set it: the image line, for related locations.
    var corednsVersionImage: CoreDNSImage? {
        guard options.corednsVersion.flatMap(CoreDNSVersion.init) == nil else { return nil }
        return inputs(of: CoreDNSImage.self).min { $0.version < $1.version }
    }

    /// The related location naming the CoreDNS version's source, if it is an image in the inputs.
    var corednsVersionRelated: [RelatedLocation] {
        corednsVersionImage.map { [RelatedLocation(message: "CoreDNS \($0.version) from image \($0.image) of \($0.workload)", location: $0.location)] } ?? []
    }
}
