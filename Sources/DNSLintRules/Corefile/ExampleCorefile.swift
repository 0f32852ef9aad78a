import DNSLintModel
import LDNS
/// The Corefile of the production incident (autopath with cache, kubeadm-style), shared by the rule
/// examples of DNS2001 and DNS4001 so both rules are shown on the same configuration.
enum ExampleCorefile {
    static let incident = """
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
}
