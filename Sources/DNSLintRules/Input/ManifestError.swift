import DNSLintModel
import LDNS
/// DNS0004: a Kubernetes manifest that cannot be read, or DNS fields the API server would refuse.
package struct ManifestError: Rule {
    package init() {}
    package let metadata = RuleMetadata(
        code: "DNS0004",
        name: "manifest-error",
        summary: "A Kubernetes manifest is not valid YAML, or its pod DNS fields are values the API server refuses.",
        rationale: """
            A manifest that does not parse is never applied, and a pod spec with a misspelt dnsPolicy, a \
            dnsConfig nameserver that is not an IP address or an option value written as a bare number is \
            rejected by the API server, so the DNS settings dnslint would judge never reach a pod. dnslint \
            reports the line and column, goes on with the file's other documents, and reports templates \
            (Helm, k3s, the kubernetes addon placeholders) once, as a note, instead of a cascade of errors.
            """,
        remediation: "Fix the YAML at the reported line; use one of ClusterFirst, ClusterFirstWithHostNet, Default or None for dnsPolicy, IP addresses for dnsConfig nameservers and quoted strings for option values.",
        severity: .error,
        inputs: [.manifest],
        references: [
            "https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy",
            "https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#hostname-and-name-resolution",
            "https://yaml.org/spec/1.2.2/",
        ],
        triggering: [
            RuleExample("triggering-1", caption: "a key indented one space short"),
            RuleExample("triggering-2", caption: "a misspelt dnsPolicy and an unquoted option value"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] { [] }
}
