import DNSLintModel
import Foundation

/// Everything read from the files and folders of one run.
package struct ReadInputs: Sendable {
    package var inputs: [any ParsedInput] = []
    package var views: [any DNSView] = []
    package var issues: [InputIssue] = []
    package var files = 0
    /// What folder scans passed over, and why.
    package var skipped: [SkippedFile] = []
    /// The files read, as their paths were given or found in folders (not the files they include).
    package var paths: [String] = []
    /// Files whose lines no report may quote (see `LoadResult.unquotedFiles`).
    package var unquotedFiles: Set<String> = []

    package init() {}
}

/// Finds the input files under the given paths and reads each with its loader.
package enum InputReader {
    /// Throws only for usage problems (a missing path, a zone whose origin cannot be known).
    package static func read(paths: [String], options: LintOptions) throws(InputError) -> ReadInputs {
        var read = ReadInputs()
        let discovered = try InputDiscovery.files(for: paths, options: options)
        read.skipped = discovered.skipped
        for file in discovered.files {
            if let stop = options.stop, stop.isRequested {
                stop.filesNotRead.add(1, ordering: .relaxed)
                stop.leftOut(at: SourceLocation(path: file.path, line: 1))
                continue
            }
            read.files += 1
            read.paths.append(file.path)
            let result = try load(file, options: options)
            read.inputs += result.inputs
            read.views += result.views
            read.issues += result.issues
            read.unquotedFiles.formUnion(result.unquotedFiles)
        }
        return read
    }

    static func load(_ discovered: DiscoveredFile, options: LintOptions) throws(InputError) -> LoadResult {
        switch discovered.file {
        case .failure(let failure):
            return LoadResult(issues: [.unreadable(path: discovered.path, reason: failure.reason)])
        case .success(let file) where file.looksBinary:
            return LoadResult(issues: [.unreadable(path: discovered.path, reason: "it is not a text file")])
        case .success(let file) where discovered.explicit:
            return try discovered.loader.load(file, options: options)
        case .success(let file):
            // In a folder scan one file's problem (a zone whose origin cannot be told) is a finding on it:
            // the other files are still checked.
            do {
                return try discovered.loader.load(file, options: options)
            } catch {
                var reason = error.message
                if reason.hasPrefix(discovered.path + ": ") { reason.removeFirst(discovered.path.count + 2) }
                return LoadResult(issues: [InputIssue(.unreadable, "\(discovered.path) was not checked: \(reason)",
                                                      at: SourceLocation(path: discovered.path, line: 1))])
            }
        }
    }
}
