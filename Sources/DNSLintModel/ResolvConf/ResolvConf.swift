import LDNS
/// A word of a resolv.conf line (an address, a domain, an option) and where it came from.
package struct ResolvConfToken: Sendable, Hashable {
    package var text: String
    package var location: SourceLocation
    /// A template placeholder or a value only the kubelet knows (the cluster DNS address):
    /// counted like any value, never validated.
    package var isPlaceholder: Bool

    package init(_ text: String, at location: SourceLocation, isPlaceholder: Bool = false) {
        self.text = text
        self.location = location
        self.isPlaceholder = isPlaceholder
    }
}

/// One directive line of a resolv.conf, as written in a file or as the kubelet would write it for a pod.
package struct ResolvConfLine: Sendable {
    package enum Keyword: String, Sendable, CaseIterable {
        case nameserver, search, domain, options, sortlist
    }

    package var keyword: Keyword
    /// Where the keyword is (for a pod: the manifest field the line comes from).
    package var location: SourceLocation
    package var values: [ResolvConfToken]
    /// The line as a resolver reads it, without its newline: musl drops lines of 255+ bytes.
    package var text: String

    package init(keyword: Keyword, location: SourceLocation, values: [ResolvConfToken], text: String) {
        self.keyword = keyword
        self.location = location
        self.values = values
        self.text = text
    }

    package var byteLength: Int { text.utf8.count }
}

/// A resolv.conf: read from a file, or derived from a Kubernetes pod template (`pod` is set).
/// The resolv.conf rules (DNS3xxx) judge both the same way.
package struct ResolvConf: ParsedInput {
    package var path: String
    /// Every directive line in file order (malformed and ignored lines are not here; they are DNS0003).
    package var lines: [ResolvConfLine]
    /// Set when this configuration is the one the kubelet writes into a pod.
    package var pod: PodDNS?
    /// Where findings about the whole configuration point: the pod template, or the first directive.
    package var anchor: SourceLocation

    package init(path: String, lines: [ResolvConfLine], pod: PodDNS? = nil, anchor: SourceLocation? = nil) {
        self.path = path
        self.lines = lines
        self.pod = pod
        self.anchor = anchor ?? lines.first?.location ?? SourceLocation(path: path, line: 1)
    }

    /// What the resolver of `libc` makes of these lines.
    package func effective(for libc: Libc) -> EffectiveResolvConf {
        switch libc {
        case .glibc: GlibcResolver.interpret(lines)
        case .musl: MuslResolver.interpret(lines)
        }
    }

    /// A short name for messages: the file, or the pod template.
    package var subjectDescription: String {
        if let pod { return pod.description }
        return path
    }

    package func lines(_ keyword: ResolvConfLine.Keyword) -> [ResolvConfLine] {
        lines.filter { $0.keyword == keyword }
    }
}

/// The configuration one C library actually uses after reading the lines.
package struct EffectiveResolvConf: Sendable {
    package var libc: Libc
    /// The servers the resolver queries (at most 3, MAXNS).
    package var nameservers: [ResolvConfToken]
    /// Valid servers past the third: read, never queried.
    package var ignoredNameservers: [ResolvConfToken]
    package var search: [ResolvConfToken]
    /// The `search` or `domain` line that set the list; earlier ones were overridden.
    package var searchLine: ResolvConfLine?
    package var ndots = 1
    package var timeout = 5
    package var attempts = 2
    /// The option tokens that set ndots, timeout and attempts (nil: the default).
    package var ndotsToken: ResolvConfToken?
    package var timeoutToken: ResolvConfToken?
    package var attemptsToken: ResolvConfToken?
    /// Flag options this libc honours, by canonical name (`rotate`, `single-request-reopen`, ...).
    package var flags: [String: ResolvConfToken] = [:]
    /// Lines this libc does not read at all (musl: 255+ bytes).
    package var droppedLines: [ResolvConfLine] = []

    package init(libc: Libc) {
        self.libc = libc
        nameservers = []
        ignoredNameservers = []
        search = []
    }

    package func has(_ flag: String) -> Bool { flags[flag] != nil }

    /// Search domains without trailing dots, as names are joined to them.
    package var searchDomains: [String] {
        search.map { $0.text.hasSuffix(".") && $0.text != "." ? String($0.text.dropLast()) : $0.text }
    }
}
