/// How sure a loader is that a file is its kind.
public enum Recognition: Int, Sendable, Comparable {
    case no = 0
    case byContent = 1
    case byName = 2

    public static func < (lhs: Recognition, rhs: Recognition) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What a loader made of one file.
public struct LoadResult: Sendable {
    public var inputs: [any ParsedInput]
    public var views: [any DNSView]
    /// Input problems (`DNS0xxx`) found while reading.
    public var findings: [Finding]

    public init(inputs: [any ParsedInput] = [], views: [any DNSView] = [], findings: [Finding] = []) {
        self.inputs = inputs
        self.views = views
        self.findings = findings
    }
}

/// A usage problem that stops the run with exit code 2 (e.g. a zone whose origin cannot be known).
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Reads one kind of input file.
public protocol InputLoader: Sendable {
    var kind: InputKind { get }
    func recognize(_ file: InputFile) -> Recognition
    func load(_ file: InputFile, options: LintOptions) throws(InputError) -> LoadResult
}

/// Every loader, in order of preference when two recognise a file equally.
public enum InputLoaders {
    public static let all: [any InputLoader] = [ZoneLoader(), CorefileLoader(), ResolvConfLoader(), ManifestLoader(), CaptureLoader()]

    static func loader(for kind: InputKind) -> (any InputLoader)? {
        all.first { $0.kind == kind }
    }
}
