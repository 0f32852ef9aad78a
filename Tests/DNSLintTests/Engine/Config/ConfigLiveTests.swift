import Foundation
import Testing

/// `dnslint live` with no names and no servers: the inventory gives both (loopback only), and a name
/// ignore drops one rule's findings about one name.
@Suite(.serialized) struct ConfigLiveTests {
    @Test func liveAuditsTheInventorysNamesOnItsServers() throws {
        let server = try MisbehavingServer()
        defer { server.stop() }
        let inventory = """
            inventory:
              names: [www.split.test.]
              names-files: [audit/names.txt]
              servers: ["127.0.0.1:\(server.port)"]
              corefiles: [dns/Corefile]

            """
        let project = try ScratchProject(files: [
            ".dnslint.yml": inventory,
            "ci/accepted.yml": inventory.replacingOccurrences(of: "audit/", with: "../audit/").replacingOccurrences(of: "dns/", with: "../dns/") + """
                ignore:
                  - rule: search-path-rcode-split
                    name: WWW.SPLIT.TEST
                    reason: the split is what this server is for

                """,
            "audit/names.txt": "# nightly\nttls.bad.test.\nwww.ok.test.\n",
            "dns/Corefile": ".:53 {\n    forward . 192.0.2.53\n    loop\n}\n",
            "dns/clean.corefile": ".:53 {\n    forward . 192.0.2.53 {\n        prefer_udp\n    }\n    loop\n}\n",
        ])
        defer { project.remove() }
        let flags = ["live", "--format", "json", "--timeout", "1", "--retries", "0", "--qps", "0", "--no-progress"]

        let plain = try project.dnslint(flags)
        // The split is an empty NOERROR beside NXDOMAIN, which changes no libc's lookup: a note, so no error.
        #expect(plain.status == 0, "\(plain.stderr)")
        let findings = try ReportFindings(json: plain.stdout)
        #expect(findings.entries.contains { $0.code == "DNS1014" && $0.subject == "www.split.test." })
        #expect(findings.entries.contains { $0.code == "DNS1008" && $0.path == "audit/names.txt" && $0.line == 2 },
                "names from the names file are located on their lines: \(findings.entries)")
        #expect(!findings.entries.contains { $0.subject?.hasPrefix("www.ok.") == true })
        #expect(findings.entries.contains { $0.code == "DNS2005" && $0.path == "dns/Corefile" }, "the inventory's Corefile is read too")

        let accepted = try project.dnslint(flags + ["--config", "ci/accepted.yml"])
        let rest = try ReportFindings(json: accepted.stdout)
        #expect(!rest.codes.contains("DNS1014"), "ignored for that name: \(rest.entries)")
        #expect(rest.codes.contains("DNS1008"), "other rules and names are still judged")
        #expect(accepted.status == 0, "only the DNS1008 warning is left: \(accepted.stderr)")

        // Names on the command line replace the inventory's; its servers still apply.
        let given = try project.dnslint(flags + ["www.ok.test."])
        #expect(given.status == 0, "\(given.stderr)")
        #expect(try ReportFindings(json: given.stdout).codes == ["DNS2005"])
        let replaced = try project.dnslint(flags + ["www.ok.test.", "--coredns", "dns/clean.corefile"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(try ReportFindings(json: replaced.stdout).codes.isEmpty, "--coredns replaces the inventory's corefiles")
    }

    @Test func liveWithoutNamesAnywhereIsAUsageError() throws {
        let project = try ScratchProject(files: [".dnslint.yml": "inventory:\n  servers: [\"127.0.0.1:9\"]\n"])
        defer { project.remove() }
        let result = try project.dnslint(["live", "--no-progress"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("dnslint: no names to audit"))
    }
}
