import DNSLintModel

/// The one list of every rule dnslint has, in code order (a test checks the order): SARIF `rules[]`,
/// `dnslint rules` and `rules/README.md` list them as written here.
package enum RuleRegistry {
    package static let all: [any Rule] = [
        // DNS0xxx: input problems
        ZoneSyntaxError(), CorefileSyntaxError(), ResolvConfSyntaxError(), ManifestError(), InputUnreadable(), UnusedSuppression(), RunIncomplete(),
        CorefileTemplate(),
        // DNS1xxx: DNS data, offline and live
        CNAMEChainNoAAAA(), AAAATTLMismatch(), CNAMEDangling(), CNAMELoop(), CNAMEChainTooLong(),
        CNAMEAndOtherData(), TargetIsAlias(), RRsetTTLInconsistent(), MissingGlue(), AnswerExceeds512(),
        TCPFallbackFailed(), EDNSNotSupported(), LookupFailed(), SearchPathRcodeSplit(), DuplicateRecord(),
        SOAMissingOrMultiple(), TTLBelowCacheFloor(),
        DSAtApex(), TargetMissingTrailingDot(), TargetIsAddress(),
        // DNS2xxx: CoreDNS Corefiles
        AutopathWithCache(), AutopathWithoutPodsVerified(), PluginRemoved(), OptionDeprecated(),
        ForwardPassesTruncation(), UnknownPlugin(), DuplicatePlugin(), ForwardWithoutLoop(),
        OptionValueOutOfRange(), DuplicateServerBlock(), ForwardToLoopback(), DuplicateUpstream(), DuplicateZone(),
        TransferToAny(), OptionMissingArgument(), RewriteFieldCount(), LogStdout(), UpgradeBlocker(),
        // DNS3xxx: resolv.conf and pod DNS
        NdotsAmplification(), ParallelAAAASameSocket(), OptionIgnoredByMusl(), TooManyNameservers(),
        SearchListTooLong(), UnknownOption(), DomainAndSearch(), SlowFailover(), DNSPolicyNoneWithoutDNSConfig(),
        SearchNamespaceMismatch(), HostNetworkDNSPolicy(), NoNameserver(), OptionsLinesMultiple(), OptionObsolete(),
        OptionValueClamped(), NameserverTrailingText(), LoopbackNameserverOnNode(),
        // DNS4xxx: combinations across inputs
        AutopathCacheSplitAnswer(), TruncationReachesClient(), AutopathSearchMismatch(), ForwardLoopViaNodeStub(),
        SearchDomainWildcard(),
    ]

    /// Finds a rule by code (`DNS1001`), name (`cname-chain-no-aaaa`) or alias, ignoring case.
    package static func rule(named key: String) -> (any Rule)? {
        let wanted = key.lowercased()
        return all.first { rule in
            let meta = rule.metadata
            return meta.code.lowercased() == wanted || meta.name == wanted || meta.aliases.contains(wanted)
        }
    }
}
