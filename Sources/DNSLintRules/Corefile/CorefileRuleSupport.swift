import DNSLintModel
import LDNS
/// What the Corefile rules share: walking server blocks, the judged CoreDNS version, removed syntax.
extension LintContext {
    /// Every server block of every Corefile, in load order.
    var corefileBlocks: [(corefile: Corefile, block: Corefile.ServerBlock)] {
        inputs(of: Corefile.self).flatMap { corefile in corefile.serverBlocks.map { (corefile, $0) } }
    }
}

extension Corefile.Directive {
    func related(_ message: String) -> RelatedLocation { RelatedLocation(message: message, location: location) }
}

/// One line of a Corefile, whatever the column: the unit "not reported again on the same line" counts in.
struct CorefileLine: Hashable {
    var path: String
    var line: Int

    init(_ location: SourceLocation) {
        path = location.path
        line = location.line
    }
}

extension Corefile {
    /// Lines that DNS2003 or DNS2004 report as removed on the judged release (an unknown release is assumed
    /// to have removed them): other rules say nothing more about them, since CoreDNS does not even start.
    var removedLines: Set<CorefileLine> {
        let version = coreDNS
        var lines: Set<CorefileLine> = []
        for block in serverBlocks {
            for directive in block.directives {
                if let removal = CoreDNSPlugins.removal(of: directive.name), version.isAtLeast(removal.removedIn) {
                    lines.insert(CorefileLine(directive.location))
                }
                for entry in DeprecatedOptions.all where entry.plugin == directive.name {
                    guard let removedIn = entry.removedIn, version.isAtLeast(removedIn) else { continue }
                    for location in entry.find(directive) { lines.insert(CorefileLine(location)) }
                }
            }
        }
        return lines
    }
}

extension ArgumentKey {
    /// The keys every version-dependent finding carries (`JudgedCoreDNSVersion.arguments`).
    static let judgedVersion: [ArgumentKey] = [
        ArgumentKey("corednsVersion", .string, "The CoreDNS release the Corefile was judged against, when known."),
        ArgumentKey("corednsVersionSource", .string, "Where that release came from: flag, config, image or unknown."),
        ArgumentKey("assumption", .string, "With the release unknown: the assumption the verdict rests on and how to lift it."),
    ]
}
