import DNSLintModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import LDNS

/// What each libFuzzer target runs on one input. `fuzz/run.sh` compiles this file into DNSLintInputs, so it
/// reaches the readers' internals; it is not part of the package build.
package enum FuzzHarness {
    /// One worker thread: libFuzzer measures coverage of the calling thread's work best.
    /// A small line limit on some inputs reaches the over-long-line paths without megabyte inputs.
    static func options(for bytes: [UInt8]) -> LintOptions {
        var options = baseOptions
        if let first = bytes.first, first % 4 == 0 { options.maxLineBytes = 48 }
        return options
    }

    /// Made once: `LintOptions()` counts the processors, which reads cgroup files.
    private static let baseOptions: LintOptions = {
        var options = LintOptions()
        options.threads = 1
        return options
    }()

    /// A private folder for the zone file (the reader streams from disk and follows `$INCLUDE` there),
    /// in memory when /dev/shm exists.
    private static let folder: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : FileManager.default.temporaryDirectory.path
        let path = base + "/dnslint-fuzz-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    /// Writes without the fsync and rename of an atomic `Data.write`: thousands of inputs a second.
    private static func write(_ bytes: [UInt8], to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) } == bytes.count
    }

    /// The zone reader end to end: origin detection, tokenizer, ldns per record, includes, the index.
    package static func zone(_ bytes: [UInt8]) -> LoadResult {
        let path = folder + "/fuzz.example.zone"
        guard write(bytes, to: path), let file = try? InputFile.openChecked(path, limit: Int.max).get() else { return LoadResult() }
        return (try? ZoneLoader().load(file, options: options(for: bytes))) ?? LoadResult()
    }

    /// The Corefile lexer and parser, imports not followed (there are no files to import).
    package static func corefile(_ bytes: [UInt8]) -> LoadResult {
        let source = CorefileSource(path: "Corefile", includedFrom: [], columnOffset: 0)
        let policy = CorefileParser.ImportPolicy(followFiles: false, allowOutside: false)
        return CorefileLoader.result(CorefileParser.parse(bytes, source: source, policy: policy,
                                                          maxLineBytes: options(for: bytes).maxLineBytes))
    }

    package static func resolvConf(_ bytes: [UInt8]) -> LoadResult {
        let (conf, issues) = ResolvConfParser.parse(String(decoding: bytes, as: UTF8.self), path: "resolv.conf",
                                                    maxLineBytes: options(for: bytes).maxLineBytes)
        return LoadResult(inputs: [conf], issues: issues.map { InputIssue(.resolvConfSyntax, $0.message, at: $0.location) })
    }

    /// Kubernetes manifests through Yams, embedded Corefiles included. The loader runs this on a 64 MiB
    /// stack (`LargeStack`); fuzz/run.sh gives the fuzzer's main thread as much instead of paying for a
    /// thread per input.
    package static func manifest(_ bytes: [UInt8]) -> LoadResult {
        ManifestReader.read(path: "fuzz.yaml", text: String(decoding: bytes, as: UTF8.self), options: options(for: bytes))
    }

    /// A response off the wire: ldns decoding, the capture mapping, and the capture's JSON round trip
    /// (which parses the records' presentation form back with ldns).
    package static func message(_ bytes: [UInt8]) {
        guard let message = try? DNSMessage.decode(bytes) else { return }
        let response = CapturedResponse(message)
        for record in response.answer + response.authority {
            _ = (record.owner, record.target, record.negativeTTL, record.parts.presentation)
        }
        _ = message.question.map { WireName.text($0.name) }
        guard let json = try? JSONEncoder().encode(response) else { return }
        _ = try? JSONDecoder().decode(CapturedResponse.self, from: json)
    }
}
