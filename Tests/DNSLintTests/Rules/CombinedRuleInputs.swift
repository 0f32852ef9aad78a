@testable import DNSLintRules

/// Inputs the combined-rule tests vary line by line (`CombinedRuleTests`). They were the rules' example
/// texts; rule examples are now folders under rules/examples, and these stay beside the tests that use them.

extension AutopathCacheSplitAnswer {
    /// The Corefile of the production incident (autopath with cache, kubeadm-style).
    static let corefile = """
        .:53 {
            errors
            autopath @kubernetes
            kubernetes cluster.local in-addr.arpa ip6.arpa {
                pods verified
                fallthrough in-addr.arpa ip6.arpa
            }
            forward . /etc/resolv.conf {
                prefer_udp
            }
            cache 30
            loop
        }
        """

    static func zone(lbTTL: Int, lbHasAAAA: Bool = false) -> String {
        """
        $ORIGIN example.com.
        $TTL 300
        @   IN SOA ns1 hostmaster 1 7200 3600 1209600 300
        @   IN NS  ns1
        ns1 IN A   192.0.2.1
        api IN CNAME lb
        lb  \(lbTTL) IN A 192.0.2.10
        """ + (lbHasAAAA ? "\nlb  \(lbTTL) IN AAAA 2001:db8::10" : "")
    }
}

extension TruncationReachesClient {
    static func corefile(forwardOptions: String = "") -> String {
        """
        .:53 {
            errors
            forward . /etc/resolv.conf\(forwardOptions.isEmpty ? "" : " {\n        \(forwardOptions)\n    }")
            cache 30
            loop
        }
        """
    }

    static let zone = """
        $ORIGIN cache.internal.
        $TTL 60
        @ IN SOA ns1 hostmaster 1 7200 3600 1209600 60
        @ IN NS ns1
        ns1 IN A 192.0.2.53
        sessions IN CNAME sessions-cluster.use1
        """ + (1...36).map { "\nsessions-cluster.use1 IN A 10.0.0.\($0)" }.joined()
}

extension AutopathSearchMismatch {
    static let corefile = """
        .:53 {
            autopath @kubernetes
            kubernetes cluster.local {
                pods verified
            }
            forward . /etc/resolv.conf {
                prefer_udp
            }
            loop
        }
        """

    /// Deployment shop/worker with a hand-written resolv.conf searching `searches`.
    static func app(searches: [String]) -> String {
        ManifestBuilder.deployment("worker", namespace: "shop", .init(
            dnsPolicy: "None",
            dnsConfig: .init(nameservers: ["10.96.0.10"], searches: searches, options: [.init("ndots", "1")]),
            containers: [.init("worker", image: "registry.example/worker:1.0")])).yaml
    }
}
