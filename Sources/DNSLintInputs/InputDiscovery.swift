import DNSLintModel
import LDNS
import Foundation

/// A file chosen for linting and the loader that will read it.
struct DiscoveredFile {
    var path: String
    var loader: any InputLoader
    /// The opened head, read once for recognition and reused for loading; nil when it cannot be read.
    var file: InputFile?
    var unreadableReason: String
}

/// Turns command-line paths into files and picks a loader for each.
enum InputDiscovery {
    static func files(for paths: [String], options: LintOptions) throws(InputError) -> [DiscoveredFile] {
        var found: [DiscoveredFile] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError("\(path): no such file or directory")
            }
            if isDirectory.boolValue {
                found += walk(path, options: options)
            } else {
                found.append(explicitFile(path, options: options))
            }
        }
        return found
    }

    /// A file named on the command line is always read: by its recognised kind, else as a zone.
    private static func explicitFile(_ path: String, options: LintOptions) -> DiscoveredFile {
        let file = InputFile.open(path)
        let loader = pickLoader(file, options: options) ?? ZoneLoader()
        return DiscoveredFile(path: path, loader: loader, file: file, unreadableReason: reason(path))
    }

    /// In a folder, only files some loader recognises are read; hidden entries are skipped.
    private static func walk(_ root: String, options: LintOptions) -> [DiscoveredFile] {
        let base = root.hasSuffix("/") ? String(root.dropLast()) : root
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var found: [DiscoveredFile] = []
        for case let relative as String in enumerator {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let path = base + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            let file = InputFile.open(path)
            if let loader = pickLoader(file, options: options) {
                found.append(DiscoveredFile(path: path, loader: loader, file: file, unreadableReason: reason(path)))
            }
        }
        return found.sorted { $0.path < $1.path }
    }

    private static func pickLoader(_ file: InputFile?, options: LintOptions) -> (any InputLoader)? {
        if let kind = options.kindOverride { return InputLoaders.loader(for: kind) }
        guard let file else { return nil }
        var best: (any InputLoader)?
        var bestScore = Recognition.no
        for loader in InputLoaders.all {
            let score = loader.recognize(file)
            if score > bestScore {
                best = loader
                bestScore = score
            }
        }
        return best
    }

    private static func reason(_ path: String) -> String {
        FileManager.default.isReadableFile(atPath: path) ? "it is not a text file" : "it cannot be read"
    }
}
