/// Reads CoreDNS Corefiles. (Issue 3 fills this in.)
public struct CorefileLoader: InputLoader {
    public init() {}
    public var kind: InputKind { .corefile }

    public func recognize(_ file: InputFile) -> Recognition { .no }

    public func load(_ file: InputFile, options: LintOptions) throws(InputError) -> LoadResult { LoadResult() }

    /// Parses a Corefile embedded in another file (a ConfigMap's `data.Corefile`).
    /// `lineMap[i]` is the line of the host file that holds line i+1 of `text`; `columnOffset` is the
    /// indentation the host file adds. Locations in the result point into `path`.
    public func loadEmbedded(text: String, path: String, lineMap: [Int], columnOffset: Int, options: LintOptions) -> LoadResult {
        LoadResult()
    }
}
