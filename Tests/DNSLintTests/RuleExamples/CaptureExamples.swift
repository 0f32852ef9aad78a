@testable import DNSLintModel
import Foundation

/// Every capture file of the rule examples, built from the model. `CaptureExampleTests` checks the committed
/// files against these; regenerate them with `DNSLINT_WRITE_CAPTURES=1 swift test --filter CaptureExampleTests`.
enum CaptureExamples {
    static func all() throws -> [CaptureBuilder] {
        try dns1011() + dns1012() + dns1013() + dns1014() + dns1017()
    }

    /// DNS1011 tcp-fallback-failed.
    static func dns1011() throws -> [CaptureBuilder] {
        let name = "legacy.internal."
        let address = "legacy.internal. 300 IN A 10.1.0.1"
        return [
            CaptureBuilder(folder: "rules/examples/DNS1011/triggering-1", file: "legacy.capture.json", names: [(name, [
                try Query.answered(name, "A", answer: [address]),
                try Query.answered(name, "AAAA", authority: ["internal. 300 IN SOA ns.internal. hostmaster.internal. 1 2 3 4 300"]),
                try Query.answered(name, "A", edns: false, truncated: true, size: 512, answer: [address]),
                Query.failed(name, "A", .error, transport: .tcp, edns: false,
                             error: "TCP connection to 10.0.0.10:53 failed: connection refused"),
            ])]),
            CaptureBuilder(folder: "rules/examples/DNS1011/clean-1", file: "legacy.capture.json", names: [(name, [
                try Query.answered(name, "A", answer: [address]),
                try Query.answered(name, "A", edns: false, truncated: true, size: 512, answer: [address]),
                try Query.answered(name, "A", transport: .tcp, edns: false, size: 700, answer: [address]),
            ])]),
        ]
    }

    /// DNS1012 edns-not-supported.
    static func dns1012() throws -> [CaptureBuilder] {
        [
            CaptureBuilder(folder: "rules/examples/DNS1012/triggering-1", file: "old.capture.json", names: [("old.example.", [
                try Query.answered("old.example.", "A", opt: false, answer: ["old.example. 300 IN A 192.0.2.1"]),
                try Query.answered("old.example.", "AAAA", opt: false, answer: ["old.example. 300 IN AAAA 2001:db8::1"]),
            ])]),
            CaptureBuilder(folder: "rules/examples/DNS1012/triggering-2", file: "old.capture.json", names: [("old.example.", [
                try Query.answered("old.example.", "A", rcode: "FORMERR", opt: false),
            ])]),
            CaptureBuilder(folder: "rules/examples/DNS1012/clean-1", file: "new.capture.json", names: [("new.example.", [
                try Query.answered("new.example.", "A", answer: ["new.example. 300 IN A 192.0.2.1"]),
                try Query.answered("new.example.", "A", edns: false, answer: ["new.example. 300 IN A 192.0.2.1"]),
            ])]),
        ]
    }

    /// DNS1013 lookup-failed.
    static func dns1013() throws -> [CaptureBuilder] {
        [
            CaptureBuilder(folder: "rules/examples/DNS1013/triggering-1", file: "down.capture.json", names: [("api.example.", [
                Query.failed("api.example.", "A"),
                Query.failed("api.example.", "A"),
                Query.failed("api.example.", "A"),
                try Query.answered("api.example.", "AAAA", rcode: "SERVFAIL"),
            ])]),
            CaptureBuilder(folder: "rules/examples/DNS1013/clean-1", file: "up.capture.json", names: [("api.example.", [
                Query.failed("api.example.", "A"),
                try Query.answered("api.example.", "A", answer: ["api.example. 300 IN A 192.0.2.1"]),
                try Query.answered("api.example.", "AAAA", rcode: "NXDOMAIN",
                                   authority: ["example. 300 IN SOA ns.example. hostmaster.example. 1 2 3 4 300"]),
            ])]),
        ]
    }

    /// DNS1014 search-path-rcode-split: a pod's search list expanded under its namespace domain.
    static func dns1014() throws -> [CaptureBuilder] {
        let name = "api.twilio.com."
        let expanded = "api.twilio.com.default.svc.cluster.local."
        let soa = "cluster.local. 30 IN SOA ns.dns.cluster.local. hostmaster.cluster.local. 1 7200 1800 86400 30"
        let search = ["default.svc.cluster.local"]
        return [
            CaptureBuilder(folder: "rules/examples/DNS1014/triggering-1", file: "pod.capture.json", ndots: 5, search: search, names: [(name, [
                try Query.answered(name, "A", answer: ["api.twilio.com. 60 IN A 192.0.2.7"]),
                try Query.answered(name, "AAAA", answer: ["api.twilio.com. 60 IN AAAA 2001:db8::7"]),
                try Query.answered(expanded, "A", rcode: "NXDOMAIN", authority: [soa]),
                try Query.answered(expanded, "AAAA", authority: [soa]),
            ])]),
            CaptureBuilder(folder: "rules/examples/DNS1014/clean-1", file: "pod.capture.json", ndots: 5, search: search, names: [(name, [
                try Query.answered(name, "A", answer: ["api.twilio.com. 60 IN A 192.0.2.7"]),
                try Query.answered(expanded, "A", rcode: "NXDOMAIN"),
                try Query.answered(expanded, "AAAA", rcode: "NXDOMAIN"),
            ])]),
        ]
    }

    /// DNS1017 ttl-below-cache-floor.
    static func dns1017() throws -> [CaptureBuilder] {
        [
            CaptureBuilder(folder: "rules/examples/DNS1017/triggering-1", file: "short.capture.json", names: [("short.example.", [
                try Query.answered("short.example.", "A", answer: ["short.example. 3 IN A 192.0.2.3"]),
                try Query.answered("short.example.", "AAAA", answer: ["short.example. 3 IN AAAA 2001:db8::3"]),
            ])]),
            CaptureBuilder(folder: "rules/examples/DNS1017/clean-1", file: "long.capture.json", names: [("long.example.", [
                try Query.answered("long.example.", "A", answer: ["long.example. 300 IN A 192.0.2.3"]),
                try Query.answered("long.example.", "AAAA", answer: ["long.example. 30 IN AAAA 2001:db8::3"]),
            ])]),
        ]
    }
}
