@testable import DNSLintInputs
import DNSLintModel

/// Parses text as a stand-alone Corefile named `Corefile` in no folder (imports are not followed).
func parseCorefile(_ text: String) -> (corefile: Corefile, issues: [CorefileIssue]) {
    let source = CorefileSource(path: "Corefile", includedFrom: [], lineMap: nil, columnOffset: 0,
                                directory: nil, displayDirectory: nil)
    return CorefileParser.parse(Array(text.utf8), source: source,
                                policy: CorefileParser.ImportPolicy(followFiles: false, allowOutside: false))
}
