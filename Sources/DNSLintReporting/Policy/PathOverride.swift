import DNSLintModel
import Foundation

/// Policy for some files: findings in a file the globs cover lose the rules in `disabled` and take `severities`.
package struct PathOverride: Sendable {
    /// Relative to the policy's root (the configuration file's folder).
    package var globs: [PathGlob]
    package var disabled: Set<String>
    package var severities: [String: Severity]

    package init(globs: [PathGlob], disabled: Set<String> = [], severities: [String: Severity] = [:]) {
        self.globs = globs
        self.disabled = disabled
        self.severities = severities
    }

    /// Whether a glob covers `relativePath` or a folder that holds it.
    package func covers(_ relativePath: String) -> Bool {
        globs.contains { $0.covers(relativePath) }
    }
}

/// The folder path overrides are written against. A finding's path (as given on the command line, or as
/// reached from it) is made absolute against `workingDirectory`, then relative to `folder`.
package struct PolicyRoot: Sendable, Hashable {
    /// Absolute and standardized, without a trailing slash.
    package let folder: String
    package let workingDirectory: String

    package init(folder: String, workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.workingDirectory = workingDirectory
        self.folder = Self.absolute(folder, in: workingDirectory)
    }

    static var workingDirectory: PolicyRoot {
        let here = FileManager.default.currentDirectoryPath
        return PolicyRoot(folder: here, workingDirectory: here)
    }

    /// `path` relative to `folder`, `/`-separated; nil when it lies outside.
    package func relative(_ path: String) -> String? {
        let absolute = Self.absolute(path, in: workingDirectory)
        if absolute == folder { return "" }
        let prefix = folder == "/" ? "/" : folder + "/"
        guard absolute.hasPrefix(prefix) else { return nil }
        return String(absolute.dropFirst(prefix.count))
    }

    /// Absolute, with `.` and `..` resolved (symbolic links are left alone, as the user wrote them).
    package static func absolute(_ path: String, in workingDirectory: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path)
            : URL(fileURLWithPath: workingDirectory, isDirectory: true).appendingPathComponent(path)
        var standardized = url.standardizedFileURL.path
        while standardized.count > 1, standardized.hasSuffix("/") { standardized.removeLast() }
        return standardized
    }
}

/// Drops one rule's findings about one DNS name, such as a live name the team accepts as it is; the reason
/// is required so the decision can be reviewed.
package struct NameIgnore: Sendable, Hashable {
    package var codes: Set<String>
    /// Lower case, without trailing dots.
    package var name: String
    package var reason: String

    package init(codes: Set<String>, name: String, reason: String) {
        self.codes = codes
        self.name = Self.normalize(name)
        self.reason = reason
    }

    /// DNS names compare without case and with the trailing dot optional.
    package static func normalize(_ name: String) -> String {
        var text = name.lowercased()
        while text.count > 1, text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Whether this entry drops `finding`: its rule is named and its DNS subject is the name.
    package func drops(_ finding: Finding) -> Bool {
        guard codes.contains(finding.ruleCode), let subject = finding.subject?.name else { return false }
        return Self.normalize(subject) == name
    }
}
