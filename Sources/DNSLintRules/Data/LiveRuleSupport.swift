import DNSLintModel
import LDNS
/// Builds small hand-written captures for rule examples: one name, its queries as JSON.
enum CaptureExample {
    static func capture(_ names: String, search: [String]? = nil) -> String {
        let searchPart = search.map { ",\"ndots\":5,\"search\":[" + $0.map { "\"\($0)\"" }.joined(separator: ",") + "]" } ?? ""
        return "{\"format\":\"dnslint-capture\",\"version\":1,\"mode\":\"recursive\"\(searchPart),\"names\":[\(names)]}\n"
    }

    static func name(_ name: String, server: String = "10.0.0.10:53", _ queries: [String]) -> String {
        "{\"name\":\"\(name)\",\"server\":\"\(server)\",\"queries\":[\n" + queries.joined(separator: ",\n") + "\n]}"
    }

    /// A query and its response (or a `status` like timeout when `rcode` is nil).
    static func query(_ name: String, _ type: String, server: String = "10.0.0.10:53", transport: String = "udp",
                      edns: Bool = true, rcode: String? = "NOERROR", flags: [String] = ["qr", "rd", "ra"],
                      size: Int = 60, opt: Bool? = nil, answer: [String] = [], authority: [String] = [],
                      status: String = "timeout", error: String? = nil) -> String {
        var text = "{\"name\":\"\(name)\",\"type\":\"\(type)\",\"server\":\"\(server)\",\"transport\":\"\(transport)\","
            + "\"edns\":\(edns),\"rd\":true,"
        if let rcode {
            let records = { (list: [String]) in "[" + list.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
            text += "\"status\":\"response\",\"response\":{\"rcode\":\"\(rcode)\",\"flags\":[" + flags.map { "\"\($0)\"" }.joined(separator: ",")
                + "],\"size\":\(size),\"opt\":\(opt ?? edns),\"answer\":\(records(answer)),\"authority\":\(records(authority))}}"
        } else {
            text += "\"status\":\"\(status)\"" + (error.map { ",\"error\":\"\($0)\"" } ?? "") + "}"
        }
        return text
    }
}
