import DNSLintInputs

/// libFuzzer target: a DNS response off the wire (compression loops, truncated RDATA, absurd counts).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzHarness.message(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
