import DNSLintModel
import DNSLintReporting
import Foundation

/// `--new-since REV`: the findings the same lint gave on the files as they were at git revision REV, read
/// with `git archive` into a scratch folder (no checkout, the working tree is untouched), so a pull request
/// is judged only on what it introduced.
package enum NewSince {
    package static func baseline(revision: String, paths: [String], options: LintOptions, policy: Policy,
                                 root: RepositoryRoot) throws(InputError) -> Baseline {
        guard (try? git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: root.path))?.status == 0 else {
            throw InputError("--new-since \(revision): not a commit of the repository at \(root.path)")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dnslint-new-since-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        do { try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true) } catch {
            throw InputError("--new-since: cannot create a scratch folder: \(error.localizedDescription)")
        }
        var oldPaths: [String] = []
        for path in paths {
            guard let relative = root.relative(path) else {
                throw InputError("--new-since: \(path) is outside the repository at \(root.path)")
            }
            let spec = relative.isEmpty ? "." : relative
            // A path the revision did not have yet has no old findings.
            guard try extract(revision, spec, into: scratch.path, root: root) else { continue }
            oldPaths.append(scratch.appendingPathComponent(relative).path)
        }
        let keys = FindingKeys(root: RepositoryRoot(workingDirectory: scratch.path), maxFileBytes: options.maxFileBytes)
        guard !oldPaths.isEmpty else { return Baseline(findings: [], keys: keys) }
        var oldOptions = options
        oldOptions.stop = nil
        let old = try Linter.run(paths: oldPaths, options: oldOptions, policy: policy).findings
        // Keys read the old lines now, before the scratch folder goes.
        return Baseline(findings: old, keys: keys)
    }

    /// `git archive REV -- SPEC | tar -x`: false when the revision has nothing at SPEC.
    private static func extract(_ revision: String, _ spec: String, into folder: String, root: RepositoryRoot) throws(InputError) -> Bool {
        let archive = folder + "/.archive.tar"
        let made = try git(["archive", "--format=tar", "--output=\(archive)", revision, "--", spec], in: root.path)
        guard made.status == 0 else { return false }
        let untar = try run("/usr/bin/env", ["tar", "-x", "-f", archive, "-C", folder], in: folder)
        try? FileManager.default.removeItem(atPath: archive)
        guard untar.status == 0 else { throw InputError("--new-since: tar could not unpack \(spec) at \(revision): \(untar.stderr)") }
        return true
    }

    private static func git(_ arguments: [String], in folder: String) throws(InputError) -> (status: Int32, stderr: String) {
        try run("/usr/bin/env", ["git"] + arguments, in: folder)
    }

    private static func run(_ executable: String, _ arguments: [String], in folder: String) throws(InputError) -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { throw InputError("--new-since: cannot run \(arguments.first ?? executable): \(error.localizedDescription)") }
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
