import DNSLintModel
import DNSLintInputs
import DNSLintLive
import DNSLintRules
import DNSLintReporting
import LDNS
/// Parses the lint flags rule examples carry (`--libc musl`), with the CLI's spelling and meaning.
package enum LintArguments {
    package static func options(from arguments: [String]) throws(InputError) -> LintOptions {
        var options = LintOptions()
        var remaining = arguments[...]
        while let flag = remaining.popFirst() {
            if flag == "--allow-include-outside" {
                options.allowIncludeOutside = true
                continue
            }
            guard let value = remaining.popFirst() else { throw InputError("\(flag) needs a value") }
            switch flag {
            case "--origin": options.origin = value
            case "--deadline":
                guard let seconds = GoDuration.seconds(value), seconds >= 0 else {
                    throw InputError("--deadline takes a duration such as 90s, 30m or 1h30m, not \(value)")
                }
                options.stop = RunStop.install(deadline: seconds, text: value, signals: false)
            case "--coredns-version":
                try CoreDNSVersion.validateFlag(value)
                options.corednsVersion = value
            case "--cluster-domain": options.clusterDomain = value
            case "--libc":
                guard let libc = Libc(rawValue: value) else { throw InputError("--libc takes glibc or musl, not \(value)") }
                options.libc = libc
            case "--kind":
                guard let kind = InputKind(rawValue: value) else { throw InputError("--kind takes \(InputKind.allCases.map(\.rawValue).joined(separator: ", ")), not \(value)") }
                options.kindOverride = kind
            default: throw InputError("unknown flag \(flag)")
            }
        }
        return options
    }
}
