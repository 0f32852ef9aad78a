import DNSLintModel
import LDNS

/// DNS4001: the production incident's triad — autopath with cache, a broken AAAA chain, and A/AAAA
/// answers the cache holds for different times — on one name.
struct AutopathCacheSplitAnswer: NameRule {
    let metadata = RuleMetadata(
        code: "DNS4001",
        name: "autopath-cache-split-answer",
        summary: "A name served by a CoreDNS server block that runs autopath with cache has a broken AAAA chain whose A and AAAA answers the cache holds for different times.",
        rationale: """
            This is the incident that DNS1001, DNS1002 and DNS2001 each describe one third of. Before CoreDNS 1.14.7 \
            the cache runs ahead of autopath, so the answer autopath builds for a pod's search-path query \
            (`api.example.com.shop.svc.cluster.local` answered with a CNAME to `api.example.com`) is cached under the \
            query name. The AAAA answer for a broken chain is NOERROR with only CNAMEs; when the cache keeps the A and \
            AAAA answers for different times (the smaller of each answer's TTL and the cache's cap), one expires and is \
            rebuilt while the other is still served, and the pair ends up cached with different rcodes. What a pod \
            then sees depends on its libc, as run for real (glibc 2.36 and musl 1.2.3 getaddrinfo against a scripted \
            server): when the candidate's A answer is NXDOMAIN and its AAAA answer the CNAME-only NOERROR, glibc ends \
            its search walk there and fails with "Name or service not known" after those two queries (curl: "Could \
            not resolve host") — intermittently, every time the shorter entry expires; the other way round it returns \
            the A addresses only. musl drops a candidate as soon as either answer is NXDOMAIN and walks on through \
            the rest of the search list to the real name, so it resolves, with six more queries under the kubelet's \
            three search domains. The finding is an error when a glibc client is among the inputs and a warning when \
            every client is musl: the clients are the pods that use the cluster DNS, each by its images (musl for \
            Alpine-based ones), or without such pods --libc (glibc by default). The rule asks the DNS data through a DNS view, so a zone file in CI and a live \
            answer later trigger it alike. Each Corefile is judged against its own CoreDNS release: \
            `--coredns-version`, else `coredns-version` in the config, else the image of a CoreDNS workload \
            (`coredns/coredns:X.Y.Z` from any registry) in the Corefile's own manifest or in its namespace and folder \
            (the oldest when they differ); with none, the release is unknown and assumed to be an affected one.
            """,
        remediation: """
            Remove any one of the three: upgrade CoreDNS to 1.14.7 or later (or drop autopath, or its cache), give the \
            final name of the chain an AAAA record, or make the TTLs along the chain equal so both answers are cached \
            for the same time.
            """,
        severity: .error,
        inputs: [.corefile, .manifest, .zone, .live],
        references: [
            "https://github.com/coredns/coredns/issues/2842",
            "https://github.com/coredns/coredns/issues/3765",
            "https://github.com/coredns/coredns/pull/7178",
            "https://github.com/coredns/coredns/pull/8290",
            "RFC 2308",
        ],
        argumentKeys: [
            ArgumentKey("corednsVersion", .string, "The CoreDNS release the Corefile was judged against, when known."),
            ArgumentKey("corednsVersionSource", .string, "Where that release came from: flag, config, image or unknown."),
            ArgumentKey("assumption", .string, "With the release unknown: the assumption the verdict rests on and how to lift it."),
            ArgumentKey("serverBlock", .string, "The server block that serves the name."),
            ArgumentKey("cacheSuccessTTL", .int, "The cache's cap on positive answers in seconds."),
            ArgumentKey("aTTL", .int, "Effective TTL of the A answer in seconds."),
            ArgumentKey("aaaaTTL", .int, "Effective TTL of the AAAA answer in seconds."),
            ArgumentKey("cachedATTL", .int, "How long the cache keeps the A answer, in seconds."),
            ArgumentKey("cachedAAAATTL", .int, "How long the cache keeps the AAAA answer, in seconds."),
            ArgumentKey("chain", .strings, "The names along the AAAA answer's CNAME chain."),
            ArgumentKey("libcs", .strings, "The C libraries of the clients the verdict is for."),
            ArgumentKey("simulate", .string, "The `dnslint simulate` arguments that show this failure over time and which remedy ends it."),
        ],
        triggering: [
            RuleExample("triggering-1", arguments: ["--coredns-version", "1.11.1"], caption: "The chain api -> lb ends without AAAA; the cache holds A for 10 s and the broken AAAA for 30 s"),
            RuleExample("triggering-2", caption: "the CoreDNS version read from the Deployment's image"),
            RuleExample("triggering-3", arguments: ["--coredns-version", "1.11.1", "--libc", "musl"], caption: "musl clients (as Alpine workloads among the inputs) walk on and resolve: a warning"),
            RuleExample("triggering-4", caption: "no version anywhere: reported under the assumption of a release before 1.14.7"),
        ],
        clean: [
            RuleExample("clean-1", arguments: ["--coredns-version", "1.14.7"], caption: "CoreDNS 1.14.7 runs autopath before cache"),
            RuleExample("clean-2", arguments: ["--coredns-version", "1.11.1"], caption: "TTLs of 60 s and 300 s are both capped at the cache's 30 s, so they expire together"),
            RuleExample("clean-3", arguments: ["--coredns-version", "1.11.1"], caption: "lb has an AAAA record"),
        ]
    )

    /// Runs in the engine's single name pass (the answers DNS1001 judges are the ones judged here); nil when
    /// no Corefile block runs autopath with cache on a CoreDNS that caches autopath answers.
    func nameChecker(_ context: LintContext) -> NameChecker? {
        guard let router = CorefileRouter(context, wanted: { corefile, block in
            block.cachesAutopathAnswers(on: corefile.coreDNS) && block.cache != nil
        }) else { return nil }
        // Per block once, not per name: its cache settings and the Corefile lines a finding points at.
        var prepared: [SourceLocation: (cache: CacheSettings, related: [RelatedLocation])] = [:]
        for corefile in router.corefiles {
            for block in corefile.serverBlocks where router.wanted(corefile, block) {
                guard let cache = block.cache else { continue }
                let served = ServingBlock(corefile: corefile, block: block)
                prepared[block.location] = (cache, (block.directive("autopath").map { [served.related($0)] } ?? [])
                    + [cache.directive.related("\(cache.directive.summary): positive answers cached for \(cache.successMinTTL)..\(cache.successTTLCap) s")]
                    + corefile.coreDNS.related)
            }
        }
        let blocks = prepared
        // Autopath answers the pods that ask the cluster DNS with its search list; their libcs decide the verdict.
        let clients = context.clients { $0.source == .cluster }
        let libcs = Libc.allCases.filter(Set(clients.map(\.libc)).contains)
        let muslOnly = libcs == [.musl]
        let muslNames = clients.compactMap(\.clientDescription)
        return { audit in
            let a = audit.a
            let aaaa = audit.aaaa
            // The data condition first: it is cheaper than routing, and most names do not meet it.
            guard CNAMEChainNoAAAA.isBrokenChain(a: a, aaaa: aaaa), let aTTL = a.effectiveTTL, let aaaaTTL = aaaa.effectiveTTL else { return [] }
            let name = audit.subject.name
            // CoreDNS types an answer with CNAMEs in it as NOERROR, so both go under the `success` caps.
            let split = router.blocks(serving: name).compactMap { served -> (ServingBlock, CacheSettings, Int, Int)? in
                guard let cache = blocks[served.block.location]?.cache, cache.applies(to: name) else { return nil }
                let cachedA = cache.cachedSuccessTTL(for: Int(aTTL))
                let cachedAAAA = cache.cachedSuccessTTL(for: Int(aaaaTTL))
                let differ = TTLComparison.differ(UInt32(max(0, cachedA)), UInt32(max(0, cachedAAAA)), in: a, aaaa)
                return differ ? (served, cache, cachedA, cachedAAAA) : nil
            }
            guard let (first, cache, cachedA, cachedAAAA) = split.first else { return [] }
            var related = split.flatMap { blocks[$0.0.block.location]?.related ?? [] }
            related += audit.related(a)
            let version = first.corefile.coreDNS
            let assumption = version.assumption(before: Corefile.ServerBlock.autopathBeforeCacheSince)
            let on = assumption.map { " (\($0))" } ?? " on \(version.name)"
            let facts = "Its AAAA answer is a CNAME chain (\(aaaa.chainDescription(relativeTo: audit.origin))) with no AAAA at the end, and the cache keeps the A answer for \(cachedA) s but the AAAA answer for \(cachedAAAA) s, so the two are cached out of step with different results."
            let message = muslOnly
                ? "\(name.text) is answered out of step through CoreDNS server block \(first.title), which runs autopath with cache\(on). \(facts) Its clients run musl\(muslNames.isEmpty ? "" : " (\(muslNames.joined(separator: "; ")))"), which drops a search candidate whose answers include an NXDOMAIN and walks on to the real name: lookups still resolve, with the rest of the search walk (six more queries under three search domains) while the entries are out of step; glibc clients would fail."
                : "\(name.text) fails to resolve intermittently through CoreDNS server block \(first.title), which runs autopath with cache\(on). \(facts)"
            var arguments = version.arguments(assumption: assumption)
            arguments.merge([
                "serverBlock": .string(first.block.title),
                "cacheSuccessTTL": .int(cache.successTTLCap),
                "aTTL": .int(Int(aTTL)), "aaaaTTL": .int(Int(aaaaTTL)),
                "cachedATTL": .int(cachedA), "cachedAAAATTL": .int(cachedAAAA),
                "chain": .strings(([aaaa.name] + aaaa.chain.map(\.target)).map(\.text)),
                "libcs": .strings(libcs.map(\.rawValue)),
                "simulate": .string(SimulatePointer.arguments(for: name)),
            ]) { $1 }
            return [finding(
                message + SimulatePointer.sentence(for: name),
                at: audit.anchor, subject: audit.dnsSubject(.aaaa, server: aaaa.server), related: related,
                arguments: arguments, severity: muslOnly ? .warning : nil)]
        }
    }
}
