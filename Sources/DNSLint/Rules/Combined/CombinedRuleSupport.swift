import LDNS

/// A Corefile server block that answers a name, with the Corefile it belongs to.
struct ServingBlock: Sendable {
    var corefile: Corefile
    var block: Corefile.ServerBlock

    var title: String { "'\(block.title)' (\(corefile.path))" }
}

/// Routes names to the Corefile server blocks a combined rule cares about (CoreDNS' own routing:
/// the longest key zone wins), so that views are only resolved where such a block answers.
struct CorefileRouter: Sendable {
    let corefiles: [Corefile]
    let wanted: @Sendable (Corefile.ServerBlock) -> Bool

    /// Nil when no Corefile has a block the rule cares about: the rule's cheap early exit.
    init?(_ context: LintContext, wanted: @escaping @Sendable (Corefile.ServerBlock) -> Bool) {
        corefiles = context.inputs(of: Corefile.self).filter { $0.serverBlocks.contains(where: wanted) }
        self.wanted = wanted
        if corefiles.isEmpty { return nil }
    }

    /// The wanted blocks that answer `name`, once each (a block listening on two ports is one block).
    func blocks(serving name: DNSName) -> [ServingBlock] {
        corefiles.flatMap { corefile in
            var seen: Set<SourceLocation> = []
            return corefile.routes(for: name).filter { wanted($0.block) && seen.insert($0.block.location).inserted }
                .map { ServingBlock(corefile: corefile, block: $0.block) }
        }
    }

    /// How a view's names are routed. A zone view is skipped when no wanted block serves its apex or a
    /// zone below it; when no key zone at all lies below the apex, every name routes like the apex.
    func plan(for view: any DNSView) -> RoutePlan {
        guard let origin = view.zoneOrigin else { return .perName }
        let below = corefiles.flatMap(\.serverBlocks).flatMap(\.keys).filter { !$0.isPlaceholder }
            .flatMap(\.zones).filter { $0 != origin && $0.isSubdomain(of: origin) }
        if below.isEmpty {
            let apex = blocks(serving: origin)
            return apex.isEmpty ? .skip : .uniform(apex)
        }
        return .perName
    }

    enum RoutePlan {
        case skip
        case uniform([ServingBlock])
        case perName
    }
}

/// One audited name of a view that a wanted block answers.
struct RoutedSubject {
    var view: any DNSView
    var index: Int
    var subject: AuditSubject
    var blocks: [ServingBlock]
}

enum CombinedWalk {
    /// Calls `body` for every subject of every view that a wanted block answers, on all cores.
    /// Names are resolved only inside `body`, so unrouted names cost no lookups.
    static func findings(_ context: LintContext, router: CorefileRouter,
                         _ body: @escaping @Sendable (RoutedSubject) -> [Finding]) -> [Finding] {
        context.views.flatMap { view -> [Finding] in
            let plan = router.plan(for: view)
            if case .skip = plan { return [] }
            let ranges = chunkRanges(view.subjectCount, parts: context.options.threads * 8)
            return parallelMap(ranges.count, threads: context.options.threads) { chunk in
                ranges[chunk].flatMap { index -> [Finding] in
                    let subject = view.subject(at: index)
                    let blocks: [ServingBlock]
                    switch plan {
                    case .skip: blocks = []
                    case .uniform(let apex): blocks = apex
                    case .perName: blocks = router.blocks(serving: subject.name)
                    }
                    return blocks.isEmpty ? [] : body(RoutedSubject(view: view, index: index, subject: subject, blocks: blocks))
                }
            }.flatMap { $0 }
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
