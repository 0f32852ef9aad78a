import DNSLintModel
import Foundation
import Testing

/// `--max-file-bytes` / `--max-line-bytes` and their `.dnslint.yml` keys set the read caps of
/// `LintOptions` (256M and 64K by default); a bad value is a one-line usage error, exit 2.
@Suite struct SizeCapFlagTests {
    /// A zone of more than 1 KiB whose line 7 is 100 bytes long.
    static let zone = zoneText(origin: "caps.test.", "a IN A 192.0.2.2\ntxt IN TXT \"" + String(repeating: "t", count: 86) + "\"\n"
                               + String(repeating: "; padding to pass one kibibyte\n", count: 30))

    func project(config: String? = nil) throws -> ScratchProject {
        var files = ["caps.test.zone": Self.zone]
        if let config { files[".dnslint.yml"] = config }
        return try ScratchProject(files: files)
    }

    func findings(_ result: CommandResult) throws -> [String] {
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stderr)")
        return (report["findings"] as? [[String: Any]] ?? []).map { finding in
            let location = finding["location"] as? [String: Any]
            return "\(finding["rule"] ?? "") \(location?["path"] ?? ""):\(location?["line"] ?? 0) \(finding["message"] ?? "")"
        }
    }

    @Test func sizesTakePlainBytesAndBinarySuffixes() {
        #expect(ByteSize.bytes("65536") == 65_536)
        #expect(ByteSize.bytes("64K") == 65_536)
        #expect(ByteSize.bytes("64k") == 65_536)
        #expect(ByteSize.bytes("256M") == 256 << 20)
        #expect(ByteSize.bytes("1G") == 1 << 30)
        for bad in ["", "0", "0K", "-1", "1.5M", "K", "12X", "64 K", "64KB", "99999999999999999G"] {
            #expect(ByteSize.bytes(bad) == nil, "\(bad)")
        }
    }

    @Test func theFileFlagLowersTheCap() throws {
        let project = try project()
        defer { project.remove() }
        let size = Self.zone.utf8.count
        #expect(size > 1024)
        let capped = try project.dnslint(["check", "caps.test.zone", "--max-file-bytes", "1K", "--format", "json"])
        #expect(capped.status == 1, "\(capped.stderr)")
        #expect(try findings(capped) == [
            "DNS0005 caps.test.zone:1 caps.test.zone was not checked: it is \(size) bytes, more than the limit of 1024 bytes for one input file.",
        ])
        let exact = try project.dnslint(["check", "caps.test.zone", "--max-file-bytes", "\(size)", "--format", "json"])
        #expect(exact.status == 0, "\(exact.stderr)")
        #expect(try findings(exact).isEmpty)
    }

    @Test func theLineFlagLowersTheCap() throws {
        let project = try project()
        defer { project.remove() }
        let capped = try project.dnslint(["check", "caps.test.zone", "--max-line-bytes", "64", "--format", "json"])
        #expect(capped.status == 1, "\(capped.stderr)")
        #expect(try findings(capped) == [
            "DNS0001 caps.test.zone:7 line 7 is longer than 64 bytes, the limit for one line; the record there was not read",
        ])
    }

    @Test func theConfigurationSetsTheCapsAndTheFlagsWin() throws {
        let project = try project(config: "max-file-bytes: 1K\nmax-line-bytes: 64\n")
        defer { project.remove() }
        let size = Self.zone.utf8.count
        let configured = try project.dnslint(["check", "caps.test.zone", "--format", "json"])
        #expect(configured.status == 1, "\(configured.stderr)")
        #expect(try findings(configured) == [
            "DNS0005 caps.test.zone:1 caps.test.zone was not checked: it is \(size) bytes, more than the limit of 1024 bytes for one input file.",
        ])
        let lineOnly = try project.dnslint(["check", "caps.test.zone", "--max-file-bytes", "1M", "--format", "json"])
        #expect(try findings(lineOnly) == [
            "DNS0001 caps.test.zone:7 line 7 is longer than 64 bytes, the limit for one line; the record there was not read",
        ])
        let neither = try project.dnslint(["check", "caps.test.zone", "--max-file-bytes", "1M", "--max-line-bytes", "64K", "--format", "json"])
        #expect(neither.status == 0, "\(neither.stderr)")
    }

    @Test(arguments: ["check", "live", "analyze"])
    func aBadFlagValueIsOneLine(_ command: String) throws {
        let project = try project()
        defer { project.remove() }
        let result = try project.dnslint([command, "caps.test.zone", "--max-file-bytes", "12X"])
        #expect(result.status == 2)
        #expect(result.stderr == "dnslint: --max-file-bytes takes \(ByteSize.expected), not 12X\n")
        let line = try project.dnslint([command, "caps.test.zone", "--max-line-bytes", "0"])
        #expect(line.status == 2)
        #expect(line.stderr == "dnslint: --max-line-bytes takes \(ByteSize.expected), not 0\n")
    }

    @Test func aBadConfigurationValueIsOneLine() throws {
        let project = try project(config: "fail-on: error\nmax-line-bytes: 64 kilobytes\n")
        defer { project.remove() }
        let result = try project.dnslint(["check", "caps.test.zone"])
        #expect(result.status == 2)
        #expect(result.stderr == "dnslint: .dnslint.yml:2: max-line-bytes takes \(ByteSize.expected), not \"64 kilobytes\"\n")
    }
}
