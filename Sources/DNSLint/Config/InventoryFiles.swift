import DNSLintModel
import DNSLintReporting
import Foundation

/// Turns inventory entries into the files they name. Paths and globs are relative to the configuration's
/// folder; a literal path may name a folder (read as on the command line); a glob matches files only. An
/// entry that names nothing is a configuration error: a gate must not pass because its inventory went stale.
package struct InventoryFiles {
    let config: ProjectConfig
    let workingDirectory: String

    package init(_ config: ProjectConfig, workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.config = config
        self.workingDirectory = workingDirectory
    }

    /// A matched file or folder: as shown to the user (relative to the working directory when it can be) and absolute.
    package struct Match: Sendable, Hashable {
        package var shown: String
        package var absolute: String
        package var isDirectory: Bool
    }

    package func expand(_ entry: InventoryEntry) throws(InputError) -> [Match] {
        var pattern = entry.pattern
        var base = config.folder
        if pattern.hasPrefix("/") {
            base = "/"
            pattern.removeFirst()
        }
        let glob = PathGlob(pattern)
        guard glob.hasWildcards else {
            let absolute = PolicyRoot.absolute(pattern, in: base)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
                throw error(entry, "no such file or directory")
            }
            return [match(absolute, isDirectory: isDirectory.boolValue)]
        }
        let start = PolicyRoot.absolute(glob.literalPrefix.joined(separator: "/"), in: base)
        var found: [Match] = []
        let url = URL(fileURLWithPath: start, isDirectory: true)
        if let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) {
            for case let file as URL in walker {
                guard (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
                let absolute = PolicyRoot.absolute(file.path, in: "/")
                guard let relative = PolicyRoot(folder: base, workingDirectory: "/").relative(absolute),
                      glob.matches(relative) else { continue }
                found.append(match(absolute, isDirectory: false))
            }
        }
        guard !found.isEmpty else { throw error(entry, "matches no file") }
        return found.sorted { $0.absolute < $1.absolute }
    }

    func match(_ absolute: String, isDirectory: Bool) -> Match {
        Match(shown: RelativePath.shown(absolute, from: workingDirectory), absolute: absolute, isDirectory: isDirectory)
    }

    func error(_ entry: InventoryEntry, _ problem: String) -> InputError {
        InputError("\(config.file):\(entry.line): \(entry.place) \"\(entry.pattern)\" \(problem) (paths are relative to \(RelativePath.shown(config.folder, from: workingDirectory)))")
    }
}
