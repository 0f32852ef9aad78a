import Foundation
import Testing

/// Inputs the fuzzer (fuzz/run.sh) found crashing, minimised, under Fixtures/fuzz/TARGET/. Each runs
/// through the built binary, so a regression fails the test instead of killing the test run.
@Suite struct FuzzRegressionTests {
    static let kinds = ["zone": "zone", "corefile": "corefile", "resolvconf": "resolv-conf", "manifest": "manifest"]

    static var crashers: [(kind: String, path: String)] {
        kinds.keys.sorted().flatMap { target in
            let folder = TestPaths.fixtures("fuzz/\(target)")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.sorted().map { (kinds[target]!, folder.appendingPathComponent($0).path) }
        }
    }

    @Test func everyFuzzCrasherIsCheckedWithoutACrash() throws {
        #expect(!Self.crashers.isEmpty)
        for (kind, path) in Self.crashers {
            let run = try runBounded(["check", "--kind", kind, path, "--format", "json", "--fail-on", "never"], seconds: 60)
            #expect(!run.timedOut, "\(path) hangs")
            #expect(run.status == 0, "\(path): exit \(run.status) \(run.stderr.suffix(400))")
        }
    }

    /// Checks one saved crasher through the binary; a finding (exit 1) is what each of them must now give.
    static func check(_ target: String, _ file: String) throws -> (path: String, run: BoundedRun) {
        let path = TestPaths.fixtures("fuzz/\(target)").appendingPathComponent(file).path
        let run = try runBounded(["check", path, "--format", "json"], seconds: 60)
        #expect(run.status == 1, "exit \(run.status): \(run.stderr.suffix(400))")
        return (path, run)
    }

    /// `nameserver :` indexed the first part of an empty split while building the address hint.
    @Test func aNameserverOfOnlyAColonIsAFinding() throws {
        let (path, run) = try Self.check("resolvconf", "nameserver-colon.resolv.conf")
        #expect(try run.findings().filter { $0.rule == "DNS0003" } == [
            ReportedFinding(rule: "DNS0003", path: path, line: 1,
                            message: "nameserver : is not an IPv4 or IPv6 address, so glibc and musl ignore the line (a host name is not allowed here)."),
        ])
    }

    /// `TYPE91300` and `CLASS70000` read as numbers past 16 bits and trapped converting them.
    @Test func aTypeOrClassPast16BitsIsASyntaxError() throws {
        let (path, run) = try Self.check("zone", "type-past-16-bits.zone")
        #expect(try run.findings().filter { $0.rule == "DNS0001" } == [
            ReportedFinding(rule: "DNS0001", path: path, line: 6,
                            message: "Record \"www 300 IN TYPE91300 192.0.2.2\" does not parse: syntax error, could not parse the RR's rdata."),
            ReportedFinding(rule: "DNS0001", path: path, line: 7,
                            message: "Record \"mail 300 CLASS70000 A 192.0.2.3\" does not parse: syntax error, could not parse the RR's class."),
        ])
    }

    /// A generic-rdata length past Int's half overflowed when doubled; RDLENGTH is 16 bits.
    @Test func aGenericRdataLengthOutsideSixteenBitsIsASyntaxError() throws {
        let (_, run) = try Self.check("zone", "generic-rdata-huge-length.zone")
        #expect(try run.findings().filter { $0.rule == "DNS0001" }.map(\.line) == [6, 7])
        #expect(try run.findings().first?.message.contains("generic rdata (\\#) length must be 0 to 65535, not -0007751640039368425471") == true)
    }
}
