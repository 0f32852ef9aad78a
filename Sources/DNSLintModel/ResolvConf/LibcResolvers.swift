import LDNS
/// How glibc's res_init.c reads resolv.conf lines (checked against glibc 2.26 to 2.40 sources).
package enum GlibcResolver {
    /// glibc's MAXNS: name servers past the third are parsed and never used.
    static let maxNameservers = 3

    static func interpret(_ lines: [ResolvConfLine]) -> EffectiveResolvConf {
        var result = EffectiveResolvConf(libc: .glibc)
        var servers: [ResolvConfToken] = []
        for line in lines {
            switch line.keyword {
            case .nameserver:
                if let address = line.values.first, address.isPlaceholder || ResolverAddress.isValid(address.text) {
                    servers.append(address)
                }
            case .domain:
                // The later of `domain` and `search` wins; `domain` keeps only its first word; an empty one is skipped.
                guard let first = line.values.first else { continue }
                result.search = [first]
                result.searchLine = line
            case .search:
                guard !line.values.isEmpty else { continue }
                result.search = line.values
                result.searchLine = line
            case .options:
                // Options accumulate over every `options` line.
                for token in line.values { apply(token, to: &result) }
            case .sortlist:
                continue
            }
        }
        result.nameservers = Array(servers.prefix(maxNameservers))
        result.ignoredNameservers = Array(servers.dropFirst(maxNameservers))
        return result
    }

    private static func apply(_ token: ResolvConfToken, to result: inout EffectiveResolvConf) {
        let text = token.text
        for name in ResolverOptions.valued where text.hasPrefix(name + ":") {
            let raw = ResolverOptions.atoi(text.dropFirst(name.count + 1))
            let value = max(0, min(raw, ResolverOptions.glibcMaximum[name] ?? raw))
            switch name {
            case "ndots": result.ndots = value; result.ndotsToken = token
            case "timeout": result.timeout = value; result.timeoutToken = token
            default: result.attempts = value; result.attemptsToken = token
            }
            return
        }
        if let flag = ResolverOptions.glibcFlag(for: text) {
            result.flags[flag] = token
        }
    }
}

/// How musl's resolvconf.c reads resolv.conf lines: only ndots, attempts and timeout; the last
/// `search` or `domain` line wins whole; lines of 255 bytes or more (256 with the newline) are dropped.
package enum MuslResolver {
    static let maxNameservers = 3
    /// musl reads lines into a 256-byte buffer; a line that does not fit with its newline is skipped.
    static let maxLineBytes = 254

    static func interpret(_ lines: [ResolvConfLine]) -> EffectiveResolvConf {
        var result = EffectiveResolvConf(libc: .musl)
        var servers: [ResolvConfToken] = []
        for line in lines {
            if line.byteLength > maxLineBytes {
                result.droppedLines.append(line)
                continue
            }
            switch line.keyword {
            case .nameserver:
                if let address = line.values.first, address.isPlaceholder || ResolverAddress.isValid(address.text) {
                    servers.append(address)
                }
            case .domain, .search:
                // musl copies the rest of the line, so `domain a b` searches both and an empty `search` clears the list.
                result.search = line.values
                result.searchLine = line
            case .options:
                applyOptions(line, to: &result)
            case .sortlist:
                continue
            }
        }
        result.nameservers = Array(servers.prefix(maxNameservers))
        result.ignoredNameservers = Array(servers.dropFirst(maxNameservers))
        return result
    }

    /// musl looks for the first `ndots:`, `attempts:` and `timeout:` anywhere in the line followed by a digit.
    private static func applyOptions(_ line: ResolvConfLine, to result: inout EffectiveResolvConf) {
        for name in ResolverOptions.valued {
            let key = name + ":"
            guard let range = line.text.range(of: key) else { continue }
            let rest = line.text[range.upperBound...]
            guard let first = rest.first, first.isASCII, first.isNumber else { continue }
            let value = min(ResolverOptions.atoi(rest), ResolverOptions.muslMaximum[name] ?? 0)
            let token = line.values.first { $0.text.contains(key) }
            switch name {
            case "ndots": result.ndots = value; result.ndotsToken = token
            case "timeout": result.timeout = value; result.timeoutToken = token
            default: result.attempts = value; result.attemptsToken = token
            }
        }
    }
}
