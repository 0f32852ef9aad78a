import DNSLintReporting
import Foundation

/// Finds the project's `.dnslint.yml`: in the working directory or a folder above it, up to the repository
/// root (the first folder with a `.git` entry, file or folder) and no further; outside a repository, up to `/`.
package enum ConfigDiscovery {
    package static let fileName = ".dnslint.yml"

    /// The absolute path of the configuration that applies in `directory`, or nil.
    package static func find(from directory: String = FileManager.default.currentDirectoryPath) -> String? {
        var folder = PolicyRoot.absolute(directory, in: "/")
        while true {
            let candidate = folder == "/" ? "/" + fileName : folder + "/" + fileName
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            let gitEntry = folder == "/" ? "/.git" : folder + "/.git"
            if folder == "/" || FileManager.default.fileExists(atPath: gitEntry) { return nil }
            folder = (folder as NSString).deletingLastPathComponent
        }
    }
}

/// Paths as a user reads them: relative to the working directory when the file is below it or a few
/// folders above it, absolute otherwise.
package enum RelativePath {
    package static func shown(_ absolute: String, from workingDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        let target = absolute.split(separator: "/")
        let here = PolicyRoot.absolute(workingDirectory, in: "/").split(separator: "/")
        let common = zip(target, here).prefix { $0 == $1 }.count
        if common == 0, !here.isEmpty { return absolute }
        let parts = Array(repeating: "..", count: here.count - common) + target[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// `relative` under `folder`, shown from the working directory (`zones/a.zone`, `../zones/a.zone`).
    package static func shown(_ relative: String, under folder: String,
                              from workingDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        shown(PolicyRoot.absolute(relative, in: folder), from: workingDirectory)
    }
}
