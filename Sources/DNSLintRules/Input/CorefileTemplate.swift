import DNSLintModel
import LDNS
/// DNS0008: a Corefile that is a deployment template (placeholders filled in at deploy time). Reported by the
/// Corefile loader; split out of DNS0002 so tools that treat DNS0002 as a syntax error are not misled.
package struct CorefileTemplate: Rule {
    package init() {}
    package let metadata = RuleMetadata(
        code: "DNS0008",
        name: "corefile-template",
        summary: "A Corefile is a deployment template whose placeholders are not yet filled in; dnslint checks the rest as written.",
        rationale: """
            Published Corefiles are often templates: kube-up's `__PILLAR__DNS__SERVER__` and `__DNS__DOMAIN__`, \
            coredns/deployment's `UPSTREAMNAMESERVER` and `STUBDOMAINS` (replaced by its deploy.sh), k3s' \
            `%{CLUSTER_DOMAIN}%`. The placeholders are not CoreDNS syntax and not mistakes: they are filled in at \
            deploy time. dnslint reports the template once, as a note, checks everything else, and leaves the values \
            placeholders stand for alone (a forward to a placeholder is not judged a loop, a zone placeholder routes \
            nothing). The note has its own code, apart from DNS0002 (syntax errors CoreDNS refuses), so a gate or an \
            editor that treats DNS0002 as broken syntax does not flag a template.
            """,
        remediation: "Nothing to fix in the template. Lint the rendered Corefile too (the ConfigMap as deployed) to judge the values.",
        severity: .note,
        inputs: [.corefile, .manifest],
        references: [
            "https://github.com/coredns/deployment/blob/master/kubernetes/deploy.sh",
            "https://github.com/kubernetes/kubernetes/tree/master/cluster/addons/dns/coredns",
        ],
        argumentKeys: [
            ArgumentKey("placeholders", .strings, "The template placeholders found, in order of appearance."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "coredns/deployment's template, with a placeholder glued to a closing brace"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] { [] }
}
