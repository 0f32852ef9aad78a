import Foundation

/// The files of rule examples as they lie in the repository (`rules/examples/<code>/<folder>/`), read by the
/// docs generator and the tests alike so both show and lint the same bytes.
package enum RuleExampleFiles {
    /// Where examples live, relative to the package root.
    package static let root = "rules/examples"

    /// One file of an example.
    package struct File: Sendable {
        /// Path relative to the example's folder.
        package var name: String
        package var data: Data

        /// The content as text; nil for files that are not text (a NUL byte, or not UTF-8).
        package var text: String? {
            guard !data.contains(0) else { return nil }
            return String(data: data, encoding: .utf8)
        }
    }

    /// Every file under `folder` except hidden ones, sorted by path; empty when the folder does not exist.
    package static func files(in folder: URL) throws -> [File] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var files: [File] = []
        for case let relative as String in enumerator {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let url = folder.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files.append(File(name: relative, data: try Data(contentsOf: url)))
        }
        return files.sorted { $0.name < $1.name }
    }
}
