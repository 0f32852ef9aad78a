import DNSLintModel
import LDNS
/// What the Corefile rules share: walking server blocks and reading Go durations.
extension LintContext {
    /// Every server block of every Corefile, in load order.
    var corefileBlocks: [(corefile: Corefile, block: Corefile.ServerBlock)] {
        inputs(of: Corefile.self).flatMap { corefile in corefile.serverBlocks.map { (corefile, $0) } }
    }

    /// `--coredns-version`, else the CoreDNS image among the manifests, else the latest known release.
    var corednsVersion: CoreDNSVersion { CoreDNSVersion.chosen(by: options, images: inputs(of: CoreDNSImage.self)) }
}

extension Corefile.Directive {
    func related(_ message: String) -> RelatedLocation { RelatedLocation(message: message, location: location) }
}

