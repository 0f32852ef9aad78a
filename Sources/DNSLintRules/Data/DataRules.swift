import DNSLintModel
import LDNS
/// Every DNS data rule judged offline and live (DNS1xxx), in code order.
enum DataRules {
    static let all: [any Rule] = [
        CNAMEChainNoAAAA(), AAAATTLMismatch(), CNAMEDangling(), CNAMELoop(), CNAMEChainTooLong(),
        CNAMEAndOtherData(), TargetIsAlias(), RRsetTTLInconsistent(), MissingGlue(), AnswerExceeds512(),
        DuplicateRecord(), SOAMissingOrMultiple(),
    ]
}
