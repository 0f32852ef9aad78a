import DNSLintModel
import LDNS
/// Plugin options CoreDNS releases deprecated or removed, with the release notes that say so.
struct DeprecatedOption: Sendable {
    var plugin: String
    /// How the option reads in messages: `upstream`, `directory … TIMEOUT`.
    var option: String
    var deprecatedIn: CoreDNSVersion
    /// nil while releases still accept it.
    var removedIn: CoreDNSVersion?
    var advice: String
    var reference: String
    /// The places in one directive of `plugin` that use the option.
    var find: @Sendable (Corefile.Directive) -> [SourceLocation]

    static func blockOption(_ name: String, where condition: @escaping @Sendable (Corefile.Directive) -> Bool = { _ in true })
        -> @Sendable (Corefile.Directive) -> [SourceLocation] {
        { directive in directive.options(named: name).filter(condition).map(\.location) }
    }
}

enum DeprecatedOptions {
    static let v1_0_0 = CoreDNSVersion(1, 0, 0), v1_4_0 = CoreDNSVersion(1, 4, 0), v1_5_0 = CoreDNSVersion(1, 5, 0)
    static let v1_5_2 = CoreDNSVersion(1, 5, 2), v1_7_0 = CoreDNSVersion(1, 7, 0), v1_8_0 = CoreDNSVersion(1, 8, 0)

    static let all: [DeprecatedOption] = [
        DeprecatedOption(plugin: "kubernetes", option: "upstream", deprecatedIn: v1_5_2, removedIn: v1_7_0,
                         advice: "delete the line; CoreDNS resolves external CNAME targets through itself",
                         reference: "https://github.com/coredns/coredns/pull/3737", find: DeprecatedOption.blockOption("upstream")),
        DeprecatedOption(plugin: "kubernetes", option: "resyncperiod", deprecatedIn: v1_5_0, removedIn: v1_7_0,
                         advice: "delete the line; the API watch keeps the cache current",
                         reference: "https://github.com/coredns/coredns/blob/master/notes/coredns-1.5.0.md", find: DeprecatedOption.blockOption("resyncperiod")),
        DeprecatedOption(plugin: "kubernetes", option: "transfer", deprecatedIn: v1_8_0, removedIn: v1_8_0,
                         advice: "move it to the transfer plugin: `transfer { to * }` in the same server block",
                         reference: "https://github.com/coredns/coredns/blob/master/notes/coredns-1.8.0.md", find: DeprecatedOption.blockOption("transfer")),
        DeprecatedOption(plugin: "file", option: "transfer", deprecatedIn: v1_8_0, removedIn: v1_8_0,
                         advice: "move it to the transfer plugin: `transfer { to ADDRESS... }` in the same server block",
                         reference: "https://github.com/coredns/coredns/blob/master/notes/coredns-1.8.0.md", find: DeprecatedOption.blockOption("transfer")),
        DeprecatedOption(plugin: "auto", option: "transfer", deprecatedIn: v1_8_0, removedIn: v1_8_0,
                         advice: "move it to the transfer plugin: `transfer { to ADDRESS... }` in the same server block",
                         reference: "https://github.com/coredns/coredns/blob/master/notes/coredns-1.8.0.md", find: DeprecatedOption.blockOption("transfer")),
        DeprecatedOption(plugin: "secondary", option: "transfer to", deprecatedIn: v1_8_0, removedIn: v1_8_0,
                         advice: "keep `transfer from` here and move `transfer to` to the transfer plugin",
                         reference: "https://github.com/coredns/coredns/blob/master/notes/coredns-1.8.0.md",
                         find: DeprecatedOption.blockOption("transfer") { $0.args.first == "to" }),
        DeprecatedOption(plugin: "file", option: "no_reload", deprecatedIn: v1_4_0, removedIn: v1_5_0,
                         advice: "write `reload 0` instead",
                         reference: "https://github.com/coredns/coredns/issues/2536", find: DeprecatedOption.blockOption("no_reload")),
        DeprecatedOption(plugin: "auto", option: "no_reload", deprecatedIn: v1_4_0, removedIn: v1_5_0,
                         advice: "write `reload 0` instead",
                         reference: "https://github.com/coredns/coredns/issues/2536", find: DeprecatedOption.blockOption("no_reload")),
        DeprecatedOption(plugin: "auto", option: "directory … TIMEOUT", deprecatedIn: v1_4_0, removedIn: v1_5_0,
                         advice: "drop the fourth argument of `directory` and set the interval with `reload DURATION`",
                         reference: "https://github.com/coredns/coredns/issues/2516",
                         find: DeprecatedOption.blockOption("directory") { $0.args.count >= 4 }),
        DeprecatedOption(plugin: "kubernetes", option: "endpoint with several URLs", deprecatedIn: v1_4_0, removedIn: nil,
                         advice: "only the first URL is used; keep one and put a load balancer in front of the API servers",
                         reference: "https://github.com/coredns/coredns/blob/master/notes/coredns-1.3.1.md",
                         find: DeprecatedOption.blockOption("endpoint") { $0.args.count > 1 }),
        DeprecatedOption(plugin: "header", option: "rule without `query`/`response`", deprecatedIn: CoreDNSVersion(1, 9, 4),
                         removedIn: CoreDNSVersion(1, 12, 4),
                         advice: "prefix the rule with `response` (the old meaning): `response set ra`",
                         reference: "https://github.com/coredns/coredns/pull/7436",
                         find: DeprecatedOption.blockOption("set") + DeprecatedOption.blockOption("clear")),
        DeprecatedOption(plugin: "file", option: "upstream", deprecatedIn: v1_5_2, removedIn: nil,
                         advice: "delete the line; it has no effect since 1.5.2",
                         reference: "https://github.com/coredns/coredns/blob/master/notes/coredns-1.5.2.md", find: DeprecatedOption.blockOption("upstream")),
        DeprecatedOption(plugin: "auto", option: "upstream", deprecatedIn: v1_5_2, removedIn: nil,
                         advice: "delete the line; it has no effect since 1.5.2",
                         reference: "https://github.com/coredns/coredns/blob/master/notes/coredns-1.5.2.md", find: DeprecatedOption.blockOption("upstream")),
    ]
}

private func + (lhs: @escaping @Sendable (Corefile.Directive) -> [SourceLocation],
                rhs: @escaping @Sendable (Corefile.Directive) -> [SourceLocation]) -> @Sendable (Corefile.Directive) -> [SourceLocation] {
    { lhs($0) + rhs($0) }
}
