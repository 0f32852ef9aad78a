import DNSLintModel
import LDNS
/// DNS2001: autopath and cache in one server block on a CoreDNS that runs cache first.
struct AutopathWithCache: Rule {
    let metadata = RuleMetadata(
        code: "DNS2001",
        name: "autopath-with-cache",
        summary: "A server block runs autopath together with cache on a CoreDNS release (before 1.14.7) whose plugin chain puts cache in front of autopath.",
        rationale: """
            autopath answers a pod's `name.namespace.svc.cluster.local` query by walking that pod's search path on the \
            server and returning a CNAME to whatever resolved. Before CoreDNS 1.14.7, plugin.cfg runs cache ahead of \
            autopath, so that per-pod answer is cached under the query name and served to every other pod asking the \
            same name, whatever its namespace, and the A and AAAA answers for one name can be cached with different \
            rcodes (NOERROR for one, NXDOMAIN for the other) for the whole cache TTL: lookups then fail intermittently. \
            CoreDNS 1.14.7 moved autopath ahead of acl and cache (coredns/coredns#8290), which ends the split.
            """,
        remediation: "Upgrade CoreDNS to 1.14.7 or later, or drop autopath (and rely on the pods' search path), or move autopath to a server block without cache. With no --coredns-version, no coredns-version in the config and no CoreDNS image beside the Corefile, the rule assumes an affected release and says so.",
        severity: .warning,
        inputs: [.corefile],
        references: [
            "https://github.com/coredns/coredns/issues/2842",
            "https://github.com/coredns/coredns/issues/3765",
            "https://github.com/coredns/coredns/pull/7178",
            "https://github.com/coredns/coredns/pull/8290",
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin.cfg",
        ],
        argumentKeys: ArgumentKey.judgedVersion + [
            ArgumentKey("cacheSuccessTTL", .int, "The cache's cap on positive answers in seconds: how long a split answer can last."),
        ],
        triggering: [
            RuleExample("triggering-1", arguments: ["--coredns-version", "1.11.1"], caption: "the incident configuration on CoreDNS 1.11.1"),
            RuleExample("triggering-2", caption: "no version anywhere: reported under the assumption of a release before 1.14.7"),
        ],
        clean: [
            RuleExample("clean-1", arguments: ["--coredns-version", "1.14.7"], caption: "CoreDNS 1.14.7 runs autopath before cache"),
            RuleExample("clean-2", arguments: ["--coredns-version", "1.11.1"], caption: "autopath without cache"),
            RuleExample("clean-3", caption: "the version read from the CoreDNS image of the same ConfigMap's Deployment (1.14.7)"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.corefileBlocks.compactMap { corefile, block in
            let version = corefile.coreDNS
            guard block.cachesAutopathAnswers(on: version), let autopath = block.directive("autopath"),
                  let cache = block.cache else { return nil }
            let bound = Corefile.ServerBlock.autopathBeforeCacheSince
            let assumption = version.assumption(before: bound)
            let on = assumption.map { "\($0). Before \(bound)" } ?? "On \(version.name)"
            return finding(
                "autopath runs with cache in server block '\(block.title)'. \(on) cache answers before autopath, so an answer built for one pod's search path is served to other pods and A and AAAA can stay cached with different rcodes for up to \(cache.successTTLCap) s.",
                at: autopath.location, related: [cache.directive.related("cache is configured here")] + version.related,
                arguments: version.arguments(assumption: assumption).merging(["cacheSuccessTTL": .int(cache.successTTLCap)]) { $1 })
        }
    }
}
