import LDNS
/// Where CoreDNS loses the TC bit of a truncated answer, release by release (from CoreDNS' own sources, as
/// issue 11 records them). Without these, truncation is harmless: the server truncates every answer over a
/// non-EDNS client's 512 bytes and sets TC whatever the forward options, cache never stores a TC=1 answer,
/// and a client that retries over TCP gets the whole answer.
package enum TruncationFacts {
    /// Before 1.8.0 CoreDNS could clear TC on an answer the upstream truncated (forward or proxy).
    package static let forwardKeepsTCSince = CoreDNSVersion(1, 8, 0)
    /// prefer_udp retries a truncated answer over TCP from 1.6.2; in 1.5.0–1.6.1 the retry was dead code.
    package static let preferUDPWorksSince = CoreDNSVersion(1, 6, 2)

    /// A plugin that dropped TC on answers it built from another lookup, until `fixedIn`.
    package struct PluginLoss: Sendable {
        package var plugin: String
        package var fixedIn: CoreDNSVersion
        /// What loses TC, for messages: `kubernetes (ExternalName targets)`.
        package var what: String
    }

    package static let pluginLosses: [PluginLoss] = [
        PluginLoss(plugin: "kubernetes", fixedIn: CoreDNSVersion(1, 9, 1), what: "kubernetes (the answers for ExternalName targets)"),
        PluginLoss(plugin: "etcd", fixedIn: CoreDNSVersion(1, 9, 1), what: "etcd (the answers for CNAME targets)"),
        PluginLoss(plugin: "template", fixedIn: CoreDNSVersion(1, 9, 0), what: "template"),
        PluginLoss(plugin: "dns64", fixedIn: CoreDNSVersion(1, 8, 7), what: "dns64"),
        PluginLoss(plugin: "k8s_external", fixedIn: CoreDNSVersion(1, 9, 2), what: "k8s_external"),
        PluginLoss(plugin: "rewrite", fixedIn: CoreDNSVersion(1, 12, 2), what: "rewrite ... cname"),
    ]

    /// The plugin lines of `block` that drop TC on some release (whether or not the judged one), with the loss.
    package static func losses(in block: Corefile.ServerBlock) -> [(loss: PluginLoss, directive: Corefile.Directive)] {
        pluginLosses.flatMap { loss in
            block.directives(named: loss.plugin).filter { loss.plugin != "rewrite" || $0.rewritesCNAME }.prefix(1).map { (loss, $0) }
        }
    }

    /// Why TC can be lost in `block` on `version`, one phrase per cause (`forward before 1.8.0`, ...);
    /// empty when the judged release keeps it. An unknown release is assumed affected.
    package static func lossCauses(in block: Corefile.ServerBlock, on version: JudgedCoreDNSVersion) -> [String] {
        var causes: [String] = []
        if version.isBefore(forwardKeepsTCSince) { causes.append("CoreDNS before \(forwardKeepsTCSince) can clear TC on an answer the upstream truncated") }
        for (loss, _) in losses(in: block) where version.isBefore(loss.fixedIn) {
            causes.append("\(loss.what) drops TC before \(loss.fixedIn)")
        }
        return causes
    }

    /// The newest release on which TC can still be lost in `block`: the releases before it are affected.
    package static func lastAffectedBound(in block: Corefile.ServerBlock) -> CoreDNSVersion {
        losses(in: block).map(\.loss.fixedIn).reduce(forwardKeepsTCSince) { max($0, $1) }
    }
}

extension Corefile.Directive {
    /// `rewrite [continue|stop] cname ...`: a rewrite rule that answers with a CNAME.
    package var rewritesCNAME: Bool {
        guard name == "rewrite" else { return false }
        let words = args.drop { $0 == "continue" || $0 == "stop" }
        return words.first?.lowercased() == "cname"
    }
}
