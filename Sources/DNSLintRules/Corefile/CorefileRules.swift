import DNSLintModel
import LDNS
/// Every rule of this family, in code order. The registry concatenates the families.
enum CorefileRules {
    static let all: [any Rule] = [
        AutopathWithCache(), AutopathWithoutPodsVerified(), PluginRemoved(), OptionDeprecated(),
        ForwardPassesTruncation(), UnknownPlugin(), DuplicatePlugin(), ForwardWithoutLoop(),
        OptionValueOutOfRange(), DuplicateServerBlock(),
    ]
}
