import DNSLintModel
import LDNS
/// Helpers the resolv.conf rules share: every rule judges files and pods alike.
extension ResolvConf {
    /// " for Deployment default/web" for pods, empty for files: appended to the first sentence of messages.
    var podClause: String {
        guard let pod else { return "" }
        return " for \(pod.description)"
    }

    /// Options tokens up to a comment token (a comment's words are reported once as DNS0003).
    var optionTokens: [ResolvConfToken] {
        var tokens: [ResolvConfToken] = []
        for line in lines(.options) {
            for token in line.values {
                if token.text.hasPrefix("#") || token.text.hasPrefix(";") { break }
                tokens.append(token)
            }
        }
        return tokens
    }

    /// True when this is a pod that talks to the cluster DNS Service through its virtual IP.
    var isClusterDNSPod: Bool { pod?.source == .cluster }
}

extension EffectiveResolvConf {
    /// Search domains that make candidate names (the root `.` adds nothing).
    var expandingSearch: [ResolvConfToken] { search.filter { $0.text != "." } }
}

/// What a lookup costs under a resolv.conf: the count dnslint quotes in DNS3001.
enum LookupCost {
    /// The external name DNS3001 talks about: an API host, as services call them, with two dots.
    static let exampleName = "api.github.com"
    static let exampleNameDots = 2

    /// A and AAAA for each search domain and then for the name itself.
    static func worstCaseQueries(searchDomains: Int) -> Int { 2 * (searchDomains + 1) }
}
