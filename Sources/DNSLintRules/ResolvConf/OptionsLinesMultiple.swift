import DNSLintModel
import LDNS
/// DNS3013: several `options` lines: glibc and musl merge them, older kubelets keep only the last.
struct OptionsLinesMultiple: Rule {
    let metadata = RuleMetadata(
        code: "DNS3013",
        name: "options-lines-multiple",
        summary: "resolv.conf has several options lines: glibc and musl merge them, but kubelets before 1.26 copy only the last one into pods.",
        rationale: """
            glibc and musl read every `options` line, a later value of an option replacing an earlier one. The \
            kubelet, which copies the node's resolv.conf into pods with dnsPolicy Default (and hostNetwork pods \
            without ClusterFirstWithHostNet), kept only the last `options` line before Kubernetes 1.26 \
            (kubernetes#112323): a timeout or single-request-reopen set on an earlier line works on the node and \
            silently disappears in its pods. Other tools that rewrite resolv.conf make the same mistake. One line \
            means the same to every reader.
            """,
        remediation: "Put every option on a single options line.",
        severity: .warning,
        inputs: [.resolvConf],
        references: [
            "https://man7.org/linux/man-pages/man5/resolv.conf.5.html",
            "https://github.com/kubernetes/kubernetes/issues/112323",
            "https://github.com/kubernetes/kubernetes/pull/112414",
        ],
        argumentKeys: [
            ArgumentKey("options", .strings, "The options of the line a kubelet before 1.26 drops."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "timeout on its own line"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.inputs(of: ResolvConf.self).flatMap { conf -> [Finding] in
            let lines = conf.lines(.options)
            guard conf.pod == nil, let last = lines.last, lines.count > 1 else { return [] }
            return lines.dropLast().map { line in
                let words = line.values.map(\.text)
                let shown = words.isEmpty ? "An empty options line" : "options \(words.joined(separator: " "))"
                return finding(
                    "\(shown) is not the last options line: glibc and musl merge it with the one at line \(last.location.line), but kubelets before 1.26 copy only that last line into dnsPolicy Default pods, which lose these options.",
                    at: line.location,
                    related: [RelatedLocation(message: "the last options line, the only one older kubelets keep", location: last.location)],
                    arguments: ["options": .strings(words)])
            }
        }
    }
}
