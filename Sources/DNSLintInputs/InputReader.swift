import DNSLintModel
import Foundation

/// Everything read from the files and folders of one run.
package struct ReadInputs: Sendable {
    package var inputs: [any ParsedInput] = []
    package var views: [any DNSView] = []
    package var issues: [InputIssue] = []
    package var files = 0

    package init() {}
}

/// Finds the input files under the given paths and reads each with its loader.
package enum InputReader {
    /// Throws only for usage problems (a missing path, a zone whose origin cannot be known).
    package static func read(paths: [String], options: LintOptions) throws(InputError) -> ReadInputs {
        var read = ReadInputs()
        for file in try InputDiscovery.files(for: paths, options: options) {
            if let stop = options.stop, stop.isRequested {
                stop.filesNotRead.add(1, ordering: .relaxed)
                stop.leftOut(at: SourceLocation(path: file.path, line: 1))
                continue
            }
            read.files += 1
            let result = try load(file, options: options)
            read.inputs += result.inputs
            read.views += result.views
            read.issues += result.issues
        }
        return read
    }

    static func load(_ discovered: DiscoveredFile, options: LintOptions) throws(InputError) -> LoadResult {
        switch discovered.file {
        case .failure(let failure):
            return LoadResult(issues: [.unreadable(path: discovered.path, reason: failure.reason)])
        case .success(let file) where file.looksBinary:
            return LoadResult(issues: [.unreadable(path: discovered.path, reason: "it is not a text file")])
        case .success(let file):
            return try discovered.loader.load(file, options: options)
        }
    }
}
