import DNSLintModel
import LDNS
/// DNS2009: a plugin option value outside the range the plugin accepts.
struct OptionValueOutOfRange: Rule {
    let metadata = RuleMetadata(
        code: "DNS2009",
        name: "option-value-out-of-range",
        summary: "A plugin option has a value outside the range CoreDNS accepts (cache TTLs, bufsize 512–4096, kubernetes ttl 0–3600, reload interval, ...), so CoreDNS refuses to start.",
        rationale: """
            Plugins check their numbers at start-up and stop CoreDNS on a bad one: cache TTLs must be positive and \
            SERVFAIL caching is capped at 5 minutes (RFC 2308), prefetch percentages lie in 10–90%, bufsize follows \
            RFC 6891's 512–4096, the kubernetes ttl is 0–3600 s and the hosts ttl 1–65535 s, reload needs an \
            interval of at least 2 s and a jitter of 0 or at least 1 s, and forward takes at most 15 upstreams. A value \
            that is not a number or duration at all fails the same way. dnslint applies the same bounds before the \
            change reaches the cluster.
            """,
        remediation: "Use a value inside the range the message gives.",
        severity: .error,
        inputs: [.corefile],
        references: [
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/cache/setup.go",
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/bufsize/setup.go",
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/kubernetes/setup.go",
            "https://github.com/coredns/coredns/blob/v1.14.7/plugin/reload/setup.go",
            "RFC 2308 7.1", "RFC 6891 6.2.5",
        ],
        argumentKeys: [
            ArgumentKey("plugin", .string, "The plugin whose value is out of range."),
            ArgumentKey("value", .string, "The value as written."),
        ],
        triggering: [
            RuleExample("triggering-1", caption: "bufsize above 4096 and a zero cache TTL"),
            RuleExample("triggering-2"),
        ],
        clean: [
            RuleExample("clean-1"),
        ]
    )

    func check(_ context: LintContext) -> [Finding] {
        context.corefileBlocks.flatMap { _, block in
            block.directives.flatMap { directive in
                OptionRanges.problems(in: directive).map { problem in
                    finding("\(problem.subject) \(problem.complaint).", at: problem.location,
                            arguments: ["plugin": .string(directive.name), "value": .string(problem.value)])
                }
            }
        }
    }
}

/// The numeric bounds CoreDNS plugins enforce in their setup functions.
enum OptionRanges {
    struct Problem {
        var subject: String
        var value: String
        var complaint: String
        var location: SourceLocation
    }

    static func problems(in directive: Corefile.Directive) -> [Problem] {
        switch directive.name {
        case "cache": cache(directive)
        case "bufsize": bufsize(directive)
        case "kubernetes": directive.options(named: "ttl").compactMap { integer($0, subject: "kubernetes ttl", in: 0...3600) }
        case "hosts": directive.options(named: "ttl").compactMap { integer($0, subject: "hosts ttl", in: 1...65535) }
        case "reload": reload(directive)
        case "forward": forward(directive)
        default: []
        }
    }

    /// The first argument of `line` as an integer within `range`, or the problem with it.
    static func integer(_ line: Corefile.Directive, index: Int = 0, subject: String, in range: ClosedRange<Int>) -> Problem? {
        guard index < line.arguments.count else { return nil }
        let argument = line.arguments[index]
        if argument.isUnknownValue { return nil }
        guard let value = Int(argument.text) else {
            return Problem(subject: subject, value: argument.text, complaint: "is '\(argument.text)', not a whole number", location: argument.location)
        }
        guard range.contains(value) else {
            let bounds = range.upperBound == Int.max ? "at least \(range.lowerBound)" : "from \(range.lowerBound) to \(range.upperBound)"
            return Problem(subject: subject, value: argument.text, complaint: "is \(value); CoreDNS accepts \(bounds)", location: argument.location)
        }
        return nil
    }

    static func cache(_ cache: Corefile.Directive) -> [Problem] {
        var problems: [Problem] = []
        if let first = cache.arguments.first, Int(first.text) != nil,
           let problem = integer(cache, subject: "cache TTL", in: 1...Int.max) {
            problems.append(problem)
        }
        for option in cache.block {
            switch option.name {
            case "success", "denial":
                problems += [integer(option, index: 0, subject: "cache \(option.name) capacity", in: 0...Int.max),
                             integer(option, index: 1, subject: "cache \(option.name) TTL", in: 1...Int.max),
                             integer(option, index: 2, subject: "cache \(option.name) minimum TTL", in: 0...Int.max)].compactMap { $0 }
            case "prefetch":
                problems += [integer(option, index: 0, subject: "cache prefetch amount", in: 0...Int.max)].compactMap { $0 }
                if option.arguments.count > 2, !option.arguments[2].isUnknownValue {
                    let text = option.arguments[2].text
                    let number = text.hasSuffix("%") ? Int(text.dropLast()) : nil
                    if number.map({ !(10...90).contains($0) }) ?? true {
                        problems.append(Problem(subject: "cache prefetch percentage", value: text,
                                                complaint: "is \(text); CoreDNS accepts 10% to 90%, written with '%'",
                                                location: option.arguments[2].location))
                    }
                }
            case "servfail":
                if let problem = duration(option, subject: "cache servfail duration", in: 0...300, bounds: "from 0 to 5m (RFC 2308 caps SERVFAIL caching at 5 minutes)") {
                    problems.append(problem)
                }
            default: break
            }
        }
        return problems
    }

    static func bufsize(_ bufsize: Corefile.Directive) -> [Problem] {
        [integer(bufsize, subject: "bufsize", in: 512...4096)].compactMap { $0 }
    }

    static func reload(_ reload: Corefile.Directive) -> [Problem] {
        var problems: [Problem] = []
        if let problem = duration(reload, subject: "reload interval", in: 2...Double.greatestFiniteMagnitude, bounds: "2s or more") {
            problems.append(problem)
        }
        if reload.arguments.count > 1, !reload.arguments[1].isUnknownValue {
            let argument = reload.arguments[1]
            if let seconds = GoDuration.seconds(argument.text) {
                if seconds != 0 && seconds < 1 {
                    problems.append(Problem(subject: "reload jitter", value: argument.text,
                                            complaint: "is \(argument.text); CoreDNS accepts 0 or 1s and more", location: argument.location))
                }
            } else {
                problems.append(Problem(subject: "reload jitter", value: argument.text,
                                        complaint: "is '\(argument.text)', not a duration such as 10s", location: argument.location))
            }
        }
        return problems
    }

    static func forward(_ forward: Corefile.Directive) -> [Problem] {
        let upstreams = forward.arguments.dropFirst()
        guard upstreams.count > 15, let first = upstreams.first else { return [] }
        return [Problem(subject: "forward \(forward.args.first ?? "")", value: String(upstreams.count),
                        complaint: "lists \(upstreams.count) upstreams; CoreDNS accepts at most 15", location: first.location)]
    }

    static func duration(_ line: Corefile.Directive, subject: String, in range: ClosedRange<Double>, bounds: String) -> Problem? {
        guard let argument = line.arguments.first, !argument.isUnknownValue else { return nil }
        guard let seconds = GoDuration.seconds(argument.text) else {
            return Problem(subject: subject, value: argument.text, complaint: "is '\(argument.text)', not a duration such as 30s", location: argument.location)
        }
        guard range.contains(seconds) else {
            return Problem(subject: subject, value: argument.text, complaint: "is \(argument.text); CoreDNS accepts \(bounds)", location: argument.location)
        }
        return nil
    }
}
