import DNSLintModel
import DNSLintReporting
import Foundation

/// `--new-since REV`: the findings the same lint gave on the files as they were at git revision REV, read
/// with `git archive` into a scratch folder (no checkout, the working tree is untouched), so a pull request
/// is judged only on what it introduced. The old tree is read as the new one is: the same read groups (kinds
/// and inventory origins), each path moved into the scratch folder. What REV did not have, or had nothing to
/// check in, has no old findings.
package enum NewSince {
    package static func baseline(revision: String, groups: [ProjectRun.ReadGroup], options: LintOptions, policy: Policy,
                                 root: RepositoryRoot) throws(InputError) -> Baseline {
        guard (try? git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: root.path))?.status == 0 else {
            throw InputError("--new-since \(revision): not a commit of the repository at \(root.path)")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dnslint-new-since-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        do { try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true) } catch {
            throw InputError("--new-since: cannot create a scratch folder: \(error.localizedDescription)")
        }
        // Each path once: its spec for git, and where it lands in the scratch folder.
        var specs: [String] = []
        var oldGroups = groups
        for index in oldGroups.indices {
            var moved: [String] = []
            for path in oldGroups[index].paths {
                guard let relative = root.relative(path) else {
                    throw InputError("--new-since: \(path) is outside the repository at \(root.path)")
                }
                specs.append(relative.isEmpty ? "." : relative)
                moved.append(scratch.appendingPathComponent(relative).path)
            }
            oldGroups[index].paths = moved
        }
        try extract(revision, specs, into: scratch.path, root: root)
        for index in oldGroups.indices {
            oldGroups[index].paths.removeAll { !FileManager.default.fileExists(atPath: $0) }
        }
        let keys = FindingKeys(root: RepositoryRoot(workingDirectory: scratch.path), maxFileBytes: options.maxFileBytes)
        var oldOptions = options
        oldOptions.stop = nil
        oldOptions.emptyFolderIsAnError = false
        let old = try ProjectRun.check(oldGroups, options: oldOptions, policy: policy).findings
        // Keys read the old lines now, before the scratch folder goes.
        return Baseline(findings: old, keys: keys)
    }

    /// `git archive REV -- SPEC... | tar -x` of the specs the revision has (git archive refuses a spec that
    /// matches nothing, and `git ls-tree` tells which do without failing).
    private static func extract(_ revision: String, _ specs: [String], into folder: String, root: RepositoryRoot) throws(InputError) {
        let listed = try git(["ls-tree", "-r", "-z", "--name-only", "--full-tree", revision, "--"] + specs, in: root.path, output: true)
        guard listed.status == 0 else { throw InputError("--new-since \(revision): git ls-tree failed: \(listed.stderr)") }
        let present = presentSpecs(specs, listed: listed.stdout.split(separator: "\0").map(String.init))
        guard !present.isEmpty else { return }
        let archive = folder + "/.archive.tar"
        let made = try git(["archive", "--format=tar", "--output=\(archive)", revision, "--"] + present.sorted(), in: root.path)
        guard made.status == 0 else { throw InputError("--new-since \(revision): git archive failed: \(made.stderr)") }
        let untar = try run("/usr/bin/env", ["tar", "-x", "-f", archive, "-C", folder], in: folder)
        try? FileManager.default.removeItem(atPath: archive)
        guard untar.status == 0 else { throw InputError("--new-since: tar could not unpack the files at \(revision): \(untar.stderr)") }
    }

    /// The specs that name a listed file or a folder holding one ("." names the whole tree). The files and
    /// every folder above them go into one set first: a lookup per spec, not a scan of the files per spec.
    static func presentSpecs(_ specs: [String], listed files: [String]) -> Set<String> {
        var named: Set<String> = ["."]
        for file in files {
            var path = Substring(file)
            // The file, then each folder above it, until one is already known (its folders are too).
            while named.insert(String(path)).inserted, let slash = path.lastIndex(of: "/") {
                path = path[..<slash]
            }
        }
        return Set(specs).intersection(named)
    }

    private static func git(_ arguments: [String], in folder: String, output: Bool = false) throws(InputError) -> ProcessResult {
        // Paths are literal: a file named `a[1].zone` is not a pattern.
        try run("/usr/bin/env", ["git", "--literal-pathspecs"] + arguments, in: folder, output: output)
    }

    typealias ProcessResult = Subprocess.Outcome

    private static func run(_ executable: String, _ arguments: [String], in folder: String, output: Bool = false) throws(InputError) -> ProcessResult {
        do { return try Subprocess.run(executable, arguments, in: folder, keepOutput: output) } catch {
            throw InputError("--new-since: cannot run \(arguments.first ?? executable): \(error.localizedDescription)")
        }
    }
}
