import DNSLintModel
import LDNS
import Foundation

/// A file chosen for linting and the loader that will read it.
struct DiscoveredFile {
    var path: String
    var loader: any InputLoader
    /// The opened head, read once for recognition and reused for loading; or why it was not read.
    var file: Result<InputFile, FileReadFailure>
    /// Named on the command line (read whatever it is) rather than found in a folder.
    var explicit = false
}


/// Turns command-line paths into files and picks a loader for each.
enum InputDiscovery {
    static func files(for paths: [String], options: LintOptions) throws(InputError) -> (files: [DiscoveredFile], skipped: [SkippedFile]) {
        var found: [DiscoveredFile] = []
        var skipped: [SkippedFile] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError("\(path): no such file or directory")
            }
            if isDirectory.boolValue {
                let scan = walk(path, options: options)
                if scan.files.isEmpty, options.emptyFolderIsAnError {
                    throw InputError("\(path): nothing to check: no zone file, Corefile, resolv.conf file, Kubernetes manifest or capture "
                        + "was recognised in this folder (--verbose lists what was skipped and why)")
                }
                found += scan.files
                skipped += scan.skipped
            } else {
                found.append(explicitFile(path, options: options))
            }
        }
        return (found, skipped)
    }

    /// A file named on the command line is always read: by its recognised kind, else as a zone.
    private static func explicitFile(_ path: String, options: LintOptions) -> DiscoveredFile {
        let file = InputFile.openChecked(path, limit: options.maxFileBytes)
        let loader = pickLoader(try? file.get(), options: options) ?? ZoneLoader()
        return DiscoveredFile(path: path, loader: loader, file: file, explicit: true)
    }

    /// In a folder, only files some loader recognises are read; hidden entries (at any depth, a hidden folder
    /// with all it holds), what git ignores, documentation, JSON and hosts files are passed over. A file that cannot be read (no
    /// permission, a FIFO, too large) is reported when its name says it is an input.
    private static func walk(_ root: String, options: LintOptions) -> (files: [DiscoveredFile], skipped: [SkippedFile]) {
        let base = root.hasSuffix("/") ? String(root.dropLast()) : root
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return ([], []) }
        var found: [DiscoveredFile] = []
        var skipped: [SkippedFile] = []
        let ignored = GitIgnored(folder: root)
        for case let relative as String in enumerator {
            let path = base + "/" + relative
            var isDirectory: ObjCBool = false
            // A dangling symlink is not skipped: it goes on to fail like any file that cannot be opened.
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            if (relative as NSString).lastPathComponent.hasPrefix(".") {
                if exists, isDirectory.boolValue { enumerator.skipDescendants() }
                skipped.append(SkippedFile(path: path, reason: "hidden"))
                continue
            }
            if ignored.contains(relative) {
                if exists, isDirectory.boolValue { enumerator.skipDescendants() }
                skipped.append(SkippedFile(path: path, reason: "ignored by git (.gitignore)"))
                continue
            }
            if exists, isDirectory.boolValue { continue }
            let file = InputFile.openChecked(path, limit: options.maxFileBytes)
            switch file {
            case .success(let opened):
                if let reason = PassedOver.reason(for: opened) {
                    skipped.append(SkippedFile(path: path, reason: reason))
                } else if let loader = pickLoader(opened, options: options) {
                    found.append(DiscoveredFile(path: path, loader: loader, file: file))
                } else if PassedOver.looksLikeHosts(opened.headText) {
                    skipped.append(SkippedFile(path: path, reason: PassedOver.hostsReason))
                } else {
                    skipped.append(SkippedFile(path: path, reason: "not a zone file, Corefile, resolv.conf file, Kubernetes manifest or capture"))
                }
            case .failure:
                if let loader = loaderByName(path, options: options) {
                    found.append(DiscoveredFile(path: path, loader: loader, file: file))
                }
            }
        }
        let included = IncludedFiles.targets(of: found.filter { $0.loader is ZoneLoader }.map(\.path), limit: options.maxFileBytes)
        let charts = HelmCharts(found: found.map(\.path) + skipped.map(\.path))
        var kept: [DiscoveredFile] = []
        for file in found {
            if file.loader is ManifestLoader, let chart = charts.chart(holding: file.path) {
                skipped.append(SkippedFile(path: file.path, reason: "part of the Helm chart \(chart): a template, not a manifest until rendered (lint `helm template` output instead)"))
            } else if let includer = included[IncludedFiles.key(file.path)] {
                skipped.append(SkippedFile(path: file.path, reason: "reached by $INCLUDE from \(includer); read through it"))
            } else {
                kept.append(file)
            }
        }
        return (kept.sorted { $0.path < $1.path }, skipped.sorted { $0.path < $1.path })
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

    /// The loader a file's name alone points to (`*.zone`, `Corefile`, `resolv.conf`, `*.yaml`...), for files
    /// whose content cannot be read.
    private static func loaderByName(_ path: String, options: LintOptions) -> (any InputLoader)? {
        if let kind = options.kindOverride { return InputLoaders.loader(for: kind) }
        let nameOnly = InputFile(path: path, url: URL(fileURLWithPath: path), head: [])
        if let loader = InputLoaders.all.first(where: { $0.recognize(nameOnly) == .byName }) { return loader }
        let name = nameOnly.fileName.lowercased()
        return name.hasSuffix(".yaml") || name.hasSuffix(".yml") ? ManifestLoader() : nil
    }
}
