@testable import DNSLintModel
import Foundation

extension CaptureExamples {
    /// DNS1007 target-is-alias, live: each names.txt line names the types whose targets are checked, so the
    /// prober asked them after A and AAAA (with and without EDNS), then each target's A, all recorded with the name.
    static func dns1007() throws -> [CaptureBuilder] {
        let apex = "example.com."
        let service = "_sip._tcp.example.com."
        let soa = "example.com. 300 IN SOA ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 300"
        let a = "example.com. 300 IN A 192.0.2.10"
        let aaaa = "example.com. 300 IN AAAA 2001:db8::10"
        let addresses = try Query.addresses(apex, a: [a], aaaa: [aaaa])
        // An SRV owner has no address: NODATA, as a server says it.
        let none = try Query.addresses(service, authorityA: [soa], authorityAAAA: [soa])
        return [
            CaptureBuilder(folder: "rules/examples/DNS1007/triggering-2", file: "example.capture.json", names: [
                (apex, addresses + [
                    try Query.answered(apex, "MX", answer: ["example.com. 300 IN MX 10 mail.example.com."]),
                    // A recursive server follows the alias and answers with the whole chain.
                    try Query.answered("mail.example.com.", "A", answer: ["mail.example.com. 300 IN CNAME mx-host.example.com.",
                                                                          "mx-host.example.com. 300 IN A 192.0.2.25"]),
                ]),
                (service, none + [
                    try Query.answered(service, "SRV", answer: ["_sip._tcp.example.com. 300 IN SRV 0 5 5060 sip.example.net."]),
                    try Query.answered("sip.example.net.", "A", answer: ["sip.example.net. 300 IN CNAME sip-host.example.net.",
                                                                         "sip-host.example.net. 300 IN A 198.51.100.60"]),
                ]),
            ]),
            CaptureBuilder(folder: "rules/examples/DNS1007/clean-2", file: "example.capture.json", names: [
                (apex, addresses + [
                    try Query.answered(apex, "MX", answer: ["example.com. 300 IN MX 10 mx-host.example.com."]),
                    try Query.answered("mx-host.example.com.", "A", answer: ["mx-host.example.com. 300 IN A 192.0.2.25"]),
                ]),
                (service, none + [
                    try Query.answered(service, "SRV", answer: ["_sip._tcp.example.com. 300 IN SRV 0 5 5060 sip-host.example.net."]),
                    try Query.answered("sip-host.example.net.", "A", answer: ["sip-host.example.net. 300 IN A 198.51.100.60"]),
                ]),
            ]),
        ]
    }
}
