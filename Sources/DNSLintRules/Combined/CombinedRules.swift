import DNSLintModel
import LDNS
/// Every rule of this family, in code order. The registry concatenates the families.
enum CombinedRules {
    static let all: [any Rule] = [AutopathCacheSplitAnswer(), TruncationReachesClient(), AutopathSearchMismatch()]
}
