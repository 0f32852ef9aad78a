import Foundation
import Testing

/// Committed expected outputs under `Tests/DNSLintTests/Snapshots/`, compared byte for byte.
/// After an intended change, `DNSLINT_UPDATE_SNAPSHOTS=1 swift test --filter ReporterSnapshotTests` rewrites
/// them (and the fixtures they are made from); review `git diff` and commit.
enum Snapshot {
    static let folder = TestPaths.packageRoot.appendingPathComponent("Tests/DNSLintTests/Snapshots")
    static let updateVariable = "DNSLINT_UPDATE_SNAPSHOTS"

    static var updating: Bool { ProcessInfo.processInfo.environment[updateVariable] == "1" }

    /// Compares `actual` with the committed file `name` (relative to the package root when `path` is given
    /// instead), or rewrites the file when updating.
    static func expect(_ actual: Data, matches name: String, at path: URL? = nil,
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let file = path ?? folder.appendingPathComponent(name)
        if updating {
            do {
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: file, options: .atomic)
            } catch {
                Issue.record("cannot write \(file.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        let hint = "if the change is intended, run `\(updateVariable)=1 swift test --filter ReporterSnapshotTests` and commit the result"
        guard let expected = FileManager.default.contents(atPath: file.path) else {
            Issue.record("no snapshot \(file.path): \(hint)", sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let saved = FileManager.default.temporaryDirectory.appendingPathComponent("dnslint-snapshot-\(file.lastPathComponent)")
        try? actual.write(to: saved)
        Issue.record("""
            \(name) differs from the snapshot \(firstDifference(expected, actual)).
            The new output is in \(saved.path) (`diff \(file.path) \(saved.path)`); \(hint).
            """, sourceLocation: sourceLocation)
    }

    static func expect(_ actual: String, matches name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        expect(Data(actual.utf8), matches: name, sourceLocation: sourceLocation)
    }

    /// "at line N: expected ... got ...", for the failure message.
    static func firstDifference(_ expected: Data, _ actual: Data) -> String {
        let old = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let new = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(old.count, new.count) {
            let before = index < old.count ? String(old[index]) : "<end of file>"
            let after = index < new.count ? String(new[index]) : "<end of file>"
            if before != after { return "at line \(index + 1):\n  expected: \(before.prefix(300))\n  actual:   \(after.prefix(300))" }
        }
        return "in its bytes (\(expected.count) expected, \(actual.count) now)"
    }
}
