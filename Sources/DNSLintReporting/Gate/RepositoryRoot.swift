import Foundation

/// Paths as a repository knows them: relative to its root (the nearest folder holding `.git`, else the
/// working folder), whatever folder dnslint runs in. SARIF URIs, baselines and keys all use them.
package struct RepositoryRoot: Sendable {
    /// Absolute, without a trailing slash.
    package let path: String
    private let workingDirectory: String

    package init(workingDirectory: String) {
        let start = URL(fileURLWithPath: workingDirectory).standardizedFileURL.path
        self.workingDirectory = start
        var folder = URL(fileURLWithPath: start)
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path) {
                path = folder.path
                return
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        path = start
    }

    /// `path` (relative to the working folder, or absolute) relative to the root; nil when outside it.
    package func relative(_ file: String) -> String? {
        let absolute = file.hasPrefix("/") ? file : workingDirectory + "/" + file
        let standard = URL(fileURLWithPath: absolute).standardizedFileURL.path
        if standard == path { return "" }
        let base = path == "/" ? "/" : path + "/"
        return standard.hasPrefix(base) ? String(standard.dropFirst(base.count)) : nil
    }
}
