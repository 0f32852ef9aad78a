import DNSLintModel
import LDNS
/// DNS data rules that only live observations can trigger (DNS1011-DNS1014, DNS1017).
enum LiveRules {
    static let all: [any Rule] = [TCPFallbackFailed(), EDNSNotSupported(), LookupFailed(), SearchPathRcodeSplit(),
                                  TTLBelowCacheFloor()]
}
