import DNSLintModel
import LDNS
/// Rule examples are complete zones; most share this apex, so only the records that matter are written.
enum ExampleZone {
    static let header = """
        $ORIGIN example.com.
        $TTL 300
        @   IN SOA ns1 hostmaster 1 7200 3600 1209600 300
        @   IN NS  ns1
        ns1 IN A   192.0.2.1

        """

    static func with(_ records: String) -> String { header + records }
}
