import DNSLintModel
import LDNS
/// Every rule of this family, in code order. The registry concatenates the families.
enum ResolvConfRules {
    static let all: [any Rule] = [
        NdotsAmplification(),
        ParallelAAAASameSocket(),
        OptionIgnoredByMusl(),
        TooManyNameservers(),
        SearchListTooLong(),
        UnknownOption(),
        DomainAndSearch(),
        SlowFailover(),
        DNSPolicyNoneWithoutDNSConfig(),
        SearchNamespaceMismatch(),
    ]
}
