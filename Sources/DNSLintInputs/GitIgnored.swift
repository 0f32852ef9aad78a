import DNSLintModel

/// What git ignores under a scanned folder (`.gitignore`, `.git/info/exclude`, the user's excludes file), which a
/// folder scan passes over as ruff does: build output, vendored trees and generated files are not the team's
/// DNS configuration, and one generated million-record zone made `dnslint check .` take minutes. Only untracked
/// entries count (git never ignores a tracked file). Nothing is ignored outside a work tree, without git, or
/// when the folder named is itself ignored (it was asked for).
struct GitIgnored {
    private var files: Set<String> = []
    private var folders: Set<String> = []

    init(folder: String) {
        let arguments = ["git", "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"]
        guard let listed = try? Subprocess.run("/usr/bin/env", arguments, in: folder, keepOutput: true), listed.status == 0 else { return }
        let entries = listed.stdout.split(separator: "\0").map(String.init)
        guard !entries.contains("./") else { return }
        for entry in entries {
            if entry.hasSuffix("/") { folders.insert(String(entry.dropLast())) } else { files.insert(entry) }
        }
    }

    /// `relative` as the folder walk spells it (relative to the scanned folder, no trailing slash).
    func contains(_ relative: String) -> Bool {
        files.contains(relative) || folders.contains(relative)
    }
}
