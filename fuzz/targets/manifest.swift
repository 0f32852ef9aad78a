import DNSLintInputs
import DNSLintModel
import DNSLintRules

/// libFuzzer target: the manifest reader on arbitrary bytes (and every rule on what it read, with DNSLINT_FUZZ_RULES=1).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    FuzzRules.run(FuzzHarness.manifest(bytes))
    return 0
}
