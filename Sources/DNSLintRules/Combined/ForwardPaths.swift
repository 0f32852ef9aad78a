import DNSLintModel
import LDNS

/// One way an answer reaches clients through a CoreDNS forward: straight to the upstream, or behind an
/// ExternalName service, a `rewrite` or a `template` that hands the target to the forward.
struct ForwardPath: Sendable {
    enum Via: Sendable {
        case direct
        case externalName(ExternalNameService)
        /// `rewrite name` (the query goes on to the forward of the same block) or `rewrite cname` (a CNAME the
        /// server resolves itself).
        case rewrite(Corefile.Directive, cname: Bool)
        /// A template answering with a CNAME it resolves with `upstream`.
        case template(Corefile.Directive)
    }

    var corefile: Corefile
    /// The block whose forward sends the name upstream.
    var block: Corefile.ServerBlock
    var forward: ForwardSettings
    var via: Via
    /// Why TC can be lost on this path on the judged release (assumed for an unknown one); empty when it is kept.
    var lossCauses: [String]
    /// The forward hands an upstream's truncated answer back as is (no working prefer_udp, no force_tcp).
    var passesTruncation: Bool

    var title: String { "'\(block.title)' (\(corefile.path))" }

    /// How the name gets to the forward, for messages (empty for a direct path).
    var viaText: String {
        switch via {
        case .direct: ""
        case .externalName(let service): " behind ExternalName service \(service.namespace)/\(service.name)"
        case .rewrite(let directive, _): " behind '\(directive.summary)'"
        case .template(let directive): " behind the CNAME of '\(directive.summary)'"
        }
    }

    var viaRelated: [RelatedLocation] {
        switch via {
        case .direct: []
        case .externalName(let service):
            [RelatedLocation(message: "ExternalName service \(service.namespace)/\(service.name) points at \(service.target.text)", location: service.location)]
        case .rewrite(let directive, _): [directive.related("\(directive.summary) hands the name to the forward")]
        case .template(let directive): [directive.related("\(directive.summary) answers with a CNAME to the name")]
        }
    }
}

/// Finds every forward path of a name across the run's Corefiles, each judged against its own CoreDNS release.
/// Built once per run; nil when no Corefile forwards at all.
struct ForwardRouter: Sendable {
    struct Alias: Sendable {
        var corefileIndex: Int
        var block: Corefile.ServerBlock
        var via: ForwardPath.Via
    }

    /// Sorted by path and line, so results do not depend on the order of the inputs.
    let corefiles: [Corefile]
    let removed: [Set<CorefileLine>]
    let clusterDomain: String
    /// ExternalName services, rewrites and templates by the name they hand on.
    let aliases: [DNSName: [Alias]]

    init?(_ context: LintContext) {
        let corefiles = context.inputs(of: Corefile.self).filter { $0.serverBlocks.contains { !$0.forwards.isEmpty } }
            .sorted { $0.startLocation < $1.startLocation }
        guard !corefiles.isEmpty else { return nil }
        self.corefiles = corefiles
        removed = corefiles.map(\.removedLines)
        clusterDomain = context.options.clusterDomainName
        var aliases: [DNSName: [Alias]] = [:]
        for service in context.inputs(of: ExternalNameService.self) {
            let name = service.serviceName(clusterDomain: clusterDomain)
            for (index, corefile) in corefiles.enumerated() {
                for route in Self.plainRoutes(corefile, name) where Self.kubernetesServes(route.block, name) {
                    aliases[service.target, default: []].append(Alias(corefileIndex: index, block: route.block, via: .externalName(service)))
                }
            }
        }
        for (index, corefile) in corefiles.enumerated() {
            for block in corefile.serverBlocks {
                for directive in block.directives {
                    if let (target, cname) = Self.rewriteTarget(directive) {
                        aliases[target, default: []].append(Alias(corefileIndex: index, block: block, via: .rewrite(directive, cname: cname)))
                    }
                    for target in Self.templateTargets(directive) {
                        aliases[target, default: []].append(Alias(corefileIndex: index, block: block, via: .template(directive)))
                    }
                }
            }
        }
        self.aliases = aliases
    }

    /// Every path of `name`'s `type` answer through a forward, worst first (TC can be lost, then by place).
    func paths(for name: DNSName, type: RRType) -> [ForwardPath] {
        var found: [ForwardPath] = []
        for index in corefiles.indices {
            for block in blocks(serving: name, in: index) {
                if let forward = forward(for: name, in: block, corefile: index) {
                    found.append(path(index, block, forward, via: .direct, type: type))
                }
            }
        }
        for alias in aliases[name] ?? [] {
            switch alias.via {
            case .rewrite(_, cname: false):
                // The rewritten query goes on down the same block's plugin chain.
                if let forward = forward(for: name, in: alias.block, corefile: alias.corefileIndex) {
                    found.append(path(alias.corefileIndex, alias.block, forward, via: alias.via, type: type))
                }
            default:
                // The server resolves the target itself: the target's own route.
                for block in blocks(serving: name, in: alias.corefileIndex) {
                    if let forward = forward(for: name, in: block, corefile: alias.corefileIndex) {
                        found.append(path(alias.corefileIndex, block, forward, via: alias.via, type: type))
                    }
                }
            }
        }
        return found.enumerated().sorted { left, right in
            let (l, r) = (left.element, right.element)
            if l.isHarmful != r.isHarmful { return l.isHarmful }
            if l.lossCauses.count != r.lossCauses.count { return l.lossCauses.count > r.lossCauses.count }
            if l.forward.directive.location != r.forward.directive.location { return l.forward.directive.location < r.forward.directive.location }
            return left.offset < right.offset
        }.map(\.element)
    }

    private func path(_ index: Int, _ block: Corefile.ServerBlock, _ forward: ForwardSettings, via: ForwardPath.Via, type: RRType) -> ForwardPath {
        let version = corefiles[index].coreDNS
        var causes: [String] = []
        if version.isBefore(TruncationFacts.forwardKeepsTCSince) {
            causes.append("CoreDNS before \(TruncationFacts.forwardKeepsTCSince) can clear TC on an answer the upstream truncated")
        }
        func loss(_ plugin: String) -> TruncationFacts.PluginLoss? { TruncationFacts.pluginLosses.first { $0.plugin == plugin } }
        var plugins: [String] = []
        switch via {
        case .direct, .rewrite(_, cname: false): break
        case .externalName: plugins.append("kubernetes")
        case .rewrite(_, cname: true): plugins.append("rewrite")
        case .template: plugins.append("template")
        }
        if type == .aaaa, block.has("dns64") { plugins.append("dns64") }
        for plugin in plugins {
            if let loss = loss(plugin), version.isBefore(loss.fixedIn) { causes.append("\(loss.what) drops TC before \(loss.fixedIn)") }
        }
        return ForwardPath(corefile: corefiles[index], block: block, forward: forward, via: via, lossCauses: causes,
                           passesTruncation: forward.passesTruncation(on: version))
    }

    /// The blocks CoreDNS hands a plain-DNS query for `name` to, one per listener.
    private func blocks(serving name: DNSName, in index: Int) -> [Corefile.ServerBlock] {
        var seen: Set<SourceLocation> = []
        return Self.plainRoutes(corefiles[index], name).map(\.block).filter { seen.insert($0.location).inserted }
    }

    /// The forward line of `block` that takes `name`: the first whose FROM covers it and whose `except`
    /// does not, unless a file or secondary zone of the block answers the name first (plugin.cfg order).
    private func forward(for name: DNSName, in block: Corefile.ServerBlock, corefile index: Int) -> ForwardSettings? {
        guard !block.authoritativeZones.contains(where: { name.isSubdomain(of: $0) }) else { return nil }
        return block.forwards.first { forward in
            guard !removed[index].contains(CorefileLine(forward.directive.location)),
                  let from = forward.from, !forward.directive.arguments[0].isUnknownValue,
                  name.isSubdomain(of: DNSName(from)) else { return false }
            let excepted = forward.directive.options(named: "except").flatMap(\.args).map { DNSName($0) }
            return !excepted.contains { name.isSubdomain(of: $0) }
        }
    }

    /// Routes of plain DNS (port 53 style listeners): TLS, HTTPS and gRPC clients never see 512-byte truncation.
    static func plainRoutes(_ corefile: Corefile, _ name: DNSName) -> [Corefile.Route] {
        corefile.routes(for: name, transport: .dns)
    }

    /// True when the block's kubernetes plugin answers `name` (its zones, else the block's).
    static func kubernetesServes(_ block: Corefile.ServerBlock, _ name: DNSName) -> Bool {
        guard let kubernetes = block.directive("kubernetes") else { return false }
        let zones = kubernetes.args.isEmpty ? block.keys.flatMap(\.zones) : kubernetes.args.map { DNSName($0) }
        return zones.contains { name.isSubdomain(of: $0) }
    }

    /// `rewrite [continue|stop] name|cname [exact] FROM TO`: the exact target, and whether it is a CNAME rule.
    static func rewriteTarget(_ directive: Corefile.Directive) -> (DNSName, Bool)? {
        guard directive.name == "rewrite" else { return nil }
        var words = Array(directive.args.drop { $0 == "continue" || $0 == "stop" })
        guard let field = words.first?.lowercased(), field == "name" || field == "cname" else { return nil }
        words.removeFirst()
        if words.first?.lowercased() == "exact" { words.removeFirst() }
        guard words.count >= 2, !["prefix", "suffix", "substring", "regex"].contains(words[0].lowercased()),
              CorefilePlaceholders.find(in: words[1]).isEmpty else { return nil }
        return (DNSName(words[1]), field == "cname")
    }

    /// `template ... { answer "NAME TTL IN CNAME TARGET" ... upstream }`: literal CNAME targets the template
    /// resolves through the server itself.
    static func templateTargets(_ directive: Corefile.Directive) -> [DNSName] {
        guard directive.name == "template", directive.option("upstream") != nil else { return [] }
        return directive.options(named: "answer").compactMap { answer in
            let words = answer.args.joined(separator: " ").split(separator: " ").map(String.init)
            guard let cname = words.firstIndex(where: { $0.uppercased() == "CNAME" }), cname + 1 < words.count,
                  !words[cname + 1].contains("{{") else { return nil }
            return DNSName(words[cname + 1])
        }
    }
}

extension ForwardPath {
    /// TC can be lost on the way, or reaches clients that never retry over TCP: the answer does not arrive.
    var isHarmful: Bool { passesTruncation && !lossCauses.isEmpty }
}
