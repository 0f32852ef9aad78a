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
    /// In path and line order, so results do not depend on the order of the inputs.
    let corefiles: [Corefile]
    /// Whether the rule cares about a block, judged with its Corefile (and so its CoreDNS release).
    let wanted: @Sendable (Corefile, Corefile.ServerBlock) -> Bool

    /// Nil when no Corefile has a block the rule cares about: the rule's cheap early exit.
    init?(_ context: LintContext, wanted: @escaping @Sendable (Corefile, Corefile.ServerBlock) -> Bool) {
        corefiles = context.inputs(of: Corefile.self).filter { corefile in corefile.serverBlocks.contains { wanted(corefile, $0) } }
            .sorted { $0.startLocation < $1.startLocation }
        self.wanted = wanted
        if corefiles.isEmpty { return nil }
    }

    /// The wanted blocks that answer `name` (each Corefile's most specific key zone, per listener), once each
    /// (a block listening on two ports is one block); empty for names no such block serves.
    func blocks(serving name: DNSName) -> [ServingBlock] {
        corefiles.flatMap { corefile in
            var seen: Set<SourceLocation> = []
            return corefile.routes(for: name).filter { wanted(corefile, $0.block) && seen.insert($0.block.location).inserted }
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
}
