@testable import DNSLintModel
import Foundation

/// Every capture file of the rule examples, built from the model. `CaptureExampleTests` checks the committed
/// files against these; regenerate them with `DNSLINT_WRITE_CAPTURES=1 swift test --filter CaptureExampleTests`.
enum CaptureExamples {
    static func all() throws -> [CaptureBuilder] {
        try dns1007() + dns1011() + dns1012() + dns1013() + dns1014() + dns1017()
    }

    /// DNS1011 tcp-fallback-failed. Like every capture here, each name is asked for A and AAAA with and
    /// without EDNS, as the prober asks.
    static func dns1011() throws -> [CaptureBuilder] {
        let name = "legacy.internal."
        let address = "legacy.internal. 300 IN A 10.1.0.1"
        let noAAAA = "internal. 300 IN SOA ns.internal. hostmaster.internal. 1 7200 3600 1209600 300"
        return [
            CaptureBuilder(folder: "rules/examples/DNS1011/triggering-1", file: "legacy.capture.json", names: [(name, [
                try Query.answered(name, "A", answer: [address]),
                try Query.answered(name, "AAAA", authority: [noAAAA]),
                try Query.answered(name, "A", edns: false, truncated: true, size: 512, answer: [address]),
                Query.failed(name, "A", .error, transport: .tcp, edns: false,
                             error: "TCP connection to 10.0.0.10:53 failed: connection refused"),
                try Query.answered(name, "AAAA", edns: false, authority: [noAAAA]),
            ])]),
            // A rate limiter's slip (RRL): the answer comes back empty with TC, so the client proves itself over
            // TCP, and the retry answers. The answer is small (no DNS1010): without EDNS it comes whole.
            CaptureBuilder(folder: "rules/examples/DNS1011/clean-1", file: "legacy.capture.json", names: [(name, [
                try Query.answered(name, "A", truncated: true, size: 44),
                try Query.answered(name, "A", transport: .tcp, answer: [address]),
                try Query.answered(name, "AAAA", authority: [noAAAA]),
                try Query.answered(name, "A", edns: false, answer: [address]),
                try Query.answered(name, "AAAA", edns: false, authority: [noAAAA]),
            ])]),
        ]
    }

    /// DNS1012 edns-not-supported.
    static func dns1012() throws -> [CaptureBuilder] {
        let name = "old.example."
        let a = "old.example. 300 IN A 192.0.2.1"
        let aaaa = "old.example. 300 IN AAAA 2001:db8::1"
        let newA = "new.example. 300 IN A 192.0.2.1"
        let newAAAA = "new.example. 300 IN AAAA 2001:db8::1"
        return [
            CaptureBuilder(folder: "rules/examples/DNS1012/triggering-1", file: "old.capture.json", names: [(name, [
                try Query.answered(name, "A", opt: false, answer: [a]),
                try Query.answered(name, "AAAA", opt: false, answer: [aaaa]),
                try Query.answered(name, "A", edns: false, answer: [a]),
                try Query.answered(name, "AAAA", edns: false, answer: [aaaa]),
            ])]),
            CaptureBuilder(folder: "rules/examples/DNS1012/triggering-2", file: "old.capture.json", names: [(name, [
                try Query.answered(name, "A", rcode: "FORMERR", opt: false),
                try Query.answered(name, "AAAA", rcode: "FORMERR", opt: false),
                try Query.answered(name, "A", edns: false, answer: [a]),
                try Query.answered(name, "AAAA", edns: false, answer: [aaaa]),
            ])]),
            CaptureBuilder(folder: "rules/examples/DNS1012/clean-1", file: "new.capture.json", names: [("new.example.", [
                try Query.answered("new.example.", "A", answer: [newA]),
                try Query.answered("new.example.", "AAAA", answer: [newAAAA]),
                try Query.answered("new.example.", "A", edns: false, answer: [newA]),
                try Query.answered("new.example.", "AAAA", edns: false, answer: [newAAAA]),
            ])]),
        ]
    }

    /// DNS1013 lookup-failed.
    static func dns1013() throws -> [CaptureBuilder] {
        let name = "api.example."
        let address = "api.example. 300 IN A 192.0.2.1"
        let soa = "example. 300 IN SOA ns.example. hostmaster.example. 1 7200 3600 1209600 300"
        return [
            CaptureBuilder(folder: "rules/examples/DNS1013/triggering-1", file: "down.capture.json", names: [(name, [
                Query.failed(name, "A"),
                Query.failed(name, "A"),
                Query.failed(name, "A"),
                try Query.answered(name, "AAAA", rcode: "SERVFAIL"),
                Query.failed(name, "A", edns: false),
                Query.failed(name, "A", edns: false),
                Query.failed(name, "A", edns: false),
                try Query.answered(name, "AAAA", edns: false, rcode: "SERVFAIL"),
            ])]),
            CaptureBuilder(folder: "rules/examples/DNS1013/clean-1", file: "up.capture.json", names: [(name, [
                Query.failed(name, "A"),
            ] + (try Query.addresses(name, a: [address], authorityAAAA: [soa])))]),
        ]
    }

    /// DNS1014 search-path-rcode-split: a pod's search list expanded under its namespace domain.
    static func dns1014() throws -> [CaptureBuilder] {
        let name = "api.twilio.com."
        let expanded = "api.twilio.com.default.svc.cluster.local."
        let a = "api.twilio.com. 60 IN A 192.0.2.7"
        let aaaa = "api.twilio.com. 60 IN AAAA 2001:db8::7"
        let soa = "cluster.local. 30 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. 1 7200 1800 86400 30"
        let search = ["default.svc.cluster.local"]
        let real = try Query.addresses(name, a: [a], aaaa: [aaaa])
        return [
            CaptureBuilder(folder: "rules/examples/DNS1014/triggering-1", file: "pod.capture.json", ndots: 5, search: search,
                           names: [(name, real + [
                               try Query.answered(expanded, "A", rcode: "NXDOMAIN", authority: [soa]),
                               try Query.answered(expanded, "AAAA", authority: [soa]),
                           ])]),
        ] + (try ["triggering-2", "triggering-3"].map { folder in
            // Autopath's answer for a broken AAAA chain: only the CNAME to the real name, beside A NXDOMAIN.
            CaptureBuilder(folder: "rules/examples/DNS1014/\(folder)", file: "pod.capture.json", ndots: 5, search: search,
                           names: [(name, real + [
                               try Query.answered(expanded, "A", rcode: "NXDOMAIN", authority: [soa]),
                               try Query.answered(expanded, "AAAA", answer: ["\(expanded) 30 IN CNAME \(name)"]),
                           ])])
        }) + [
            CaptureBuilder(folder: "rules/examples/DNS1014/clean-1", file: "pod.capture.json", ndots: 5, search: search,
                           names: [(name, real + [
                               try Query.answered(expanded, "A", rcode: "NXDOMAIN", authority: [soa]),
                               try Query.answered(expanded, "AAAA", rcode: "NXDOMAIN", authority: [soa]),
                           ])]),
        ]
    }

    /// DNS1017 ttl-below-cache-floor.
    static func dns1017() throws -> [CaptureBuilder] {
        func answers(_ name: String, ttl: Int) throws -> [CapturedQuery] {
            let a = "\(name) \(ttl) IN A 192.0.2.3"
            let aaaa = "\(name) \(ttl) IN AAAA 2001:db8::3"
            return try Query.addresses(name, a: [a], aaaa: [aaaa])
        }
        return [
            CaptureBuilder(folder: "rules/examples/DNS1017/triggering-1", file: "short.capture.json",
                           names: [("short.example.", try answers("short.example.", ttl: 3))]),
            CaptureBuilder(folder: "rules/examples/DNS1017/clean-1", file: "long.capture.json",
                           names: [("long.example.", try answers("long.example.", ttl: 30))]),
        ]
    }
}
