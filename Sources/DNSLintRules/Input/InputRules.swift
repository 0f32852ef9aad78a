import DNSLintModel
import LDNS
/// Every input-problem rule (DNS0xxx), in code order.
enum InputRules {
    static let all: [any Rule] = [ZoneSyntaxError(), CorefileSyntaxError(), ResolvConfSyntaxError(), ManifestError(), InputUnreadable()]
}
