import DNSLintModel
import LDNS
/// How sure a loader is that a file is its kind.
package enum Recognition: Int, Sendable, Comparable {
    case no = 0
    case byContent = 1
    case byName = 2

    package static func < (lhs: Recognition, rhs: Recognition) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What a loader made of one file.
package struct LoadResult: Sendable {
    package var inputs: [any ParsedInput]
    package var views: [any DNSView]
    /// Problems met while reading (the engine reports them as `DNS0xxx` findings).
    package var issues: [InputIssue]
    /// Files whose lines no report may quote, as findings name them: a file that is no zone at all (a passwd
    /// or .env file), or one `$INCLUDE` reached outside the zone's folder.
    package var unquotedFiles: Set<String> = []

    package init(inputs: [any ParsedInput] = [], views: [any DNSView] = [], issues: [InputIssue] = [],
                 unquotedFiles: Set<String> = []) {
        self.inputs = inputs
        self.views = views
        self.issues = issues
        self.unquotedFiles = unquotedFiles
    }
}

/// Reads one kind of input file.
package protocol InputLoader: Sendable {
    var kind: InputKind { get }
    func recognize(_ file: InputFile) -> Recognition
    func load(_ file: InputFile, options: LintOptions) throws(InputError) -> LoadResult
}

/// Every loader, in order of preference when two recognise a file equally.
package enum InputLoaders {
    package static let all: [any InputLoader] = [ZoneLoader(), CorefileLoader(), ResolvConfLoader(), ManifestLoader(), CaptureLoader()]

    static func loader(for kind: InputKind) -> (any InputLoader)? {
        all.first { $0.kind == kind }
    }
}
