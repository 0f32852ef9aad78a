import DNSLintModel
import LDNS
/// DNS2002: autopath @kubernetes whose kubernetes plugin does not track pods, so autopath does nothing.
struct AutopathWithoutPodsVerified: Rule {
    let metadata = RuleMetadata(
        code: "DNS2002",
        name: "autopath-without-pods-verified",
        summary: "`autopath @kubernetes` is configured but the server block's kubernetes plugin lacks `pods verified`, so autopath silently does nothing.",
        rationale: """
            autopath @kubernetes asks the kubernetes plugin for the search path of the pod that sent the query, \
            which it knows only when it watches pods: `pods verified`. With `pods insecure`, `pods disabled` or no \
            kubernetes plugin in the block, the kubernetes plugin returns no search path and autopath passes every \
            query on untouched: the configuration promises fewer queries per lookup and delivers none, while the \
            operator believes the ndots amplification is handled.
            """,
        remediation: "Add `pods verified` to the kubernetes block of the same server block (CoreDNS then watches all pods, which costs memory), or remove autopath.",
        severity: .error,
        inputs: [.corefile],
        references: [
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/kubernetes/README.md#autopath",
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/kubernetes/autopath.go",
        ],
        argumentKeys: [
            ArgumentKey("podsMode", .string, "The kubernetes plugin's `pods` mode (`insecure`, `disabled`); absent when the block has no kubernetes plugin."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "pods insecure"),
            RuleExample("triggering-2", caption: "no kubernetes plugin in the block"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.corefileBlocks.flatMap { _, block in
            block.directives(named: "autopath").compactMap { autopath -> Finding? in
                guard autopath.args.last == "@kubernetes" else { return nil }
                guard let kubernetes = block.directive("kubernetes") else {
                    return finding(
                        "autopath @kubernetes has no kubernetes plugin in server block '\(block.title)', so it never gets a search path and does nothing.",
                        at: autopath.location)
                }
                let mode = kubernetes.option("pods")?.args.first
                guard mode != "verified" else { return nil }
                let current = mode.map { "`pods \($0)`" } ?? "no `pods` option (pods disabled)"
                return finding(
                    "autopath @kubernetes needs `pods verified` in the kubernetes block, which has \(current); autopath silently does nothing.",
                    at: autopath.location,
                    related: [(kubernetes.option("pods") ?? kubernetes).related("the kubernetes plugin's pod mode")],
                    arguments: ["podsMode": .string(mode ?? "disabled")])
            }
        }
    }
}
