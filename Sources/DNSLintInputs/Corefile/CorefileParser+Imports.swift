import DNSLintModel
import LDNS
import Foundation

/// `import`: a snippet declared earlier, else files matched by a path or a one-wildcard glob,
/// relative to the importing file — spliced into the token stream where the line stood.
extension CorefileParser {
    mutating func expandImport() {
        let importToken = tokens[position]
        var end = position + 1
        guard end < tokens.count, !importToken.endsLine(before: tokens[end]) else {
            syntaxError("expected a file, glob or snippet name after 'import'", at: importToken)
            tokens.remove(at: position)
            return
        }
        let argument = tokens[end]
        end += 1
        if end < tokens.count, !argument.endsLine(before: tokens[end]) {
            syntaxError("expected a line break after 'import \(argument.text)'; import takes one file, glob or snippet name", at: tokens[end])
            while end < tokens.count, !argument.endsLine(before: tokens[end]) { end += 1 }
        }
        var replacement = importedTokens(argument.text, at: importToken)
        importedTokens += replacement.count
        if importedTokens > Self.maxImportedTokens {
            if importedTokens - replacement.count <= Self.maxImportedTokens {
                syntaxError("imports add more than \(Self.maxImportedTokens) tokens; does '\(Excerpt.text(argument.text))' import itself?", at: importToken)
            }
            replacement = []
        }
        tokens.replaceSubrange(position..<end, with: replacement)
    }

    private mutating func importedTokens(_ pattern: String, at importToken: CorefileToken) -> [CorefileToken] {
        let here = location(of: importToken)
        if pattern.isEmpty {
            syntaxError("expected a non-empty file, glob or snippet name after 'import'", at: here)
            return []
        }
        if let snippet = snippets[pattern] {
            snippetExpansions += 1
            if snippetExpansions > Self.maxExpansions {
                if snippetExpansions == Self.maxExpansions + 1 {
                    syntaxError("snippet imports expand more than \(Self.maxExpansions) times; does snippet '(\(pattern))' import itself?", at: here)
                }
                return []
            }
            return snippet
        }
        if CorefilePlaceholders.hasEnvironmentReference(pattern) || !CorefilePlaceholders.find(in: pattern).isEmpty {
            skip(pattern, at: here, because: "its path is only known when the Corefile is deployed")
            return []
        }
        let source = sources[importToken.source]
        guard policy.followFiles, let directory = source.directory, let displayDirectory = source.displayDirectory else {
            skip(pattern, at: here, because: "an embedded Corefile imports files from the CoreDNS container")
            return []
        }
        if pattern.filter({ $0 == "*" }).count > 1 || pattern.filter({ $0 == "?" }).count > 1
            || (pattern.contains("[") && pattern.contains("]")) {
            syntaxError("import pattern '\(pattern)' has more than one wildcard; CoreDNS allows only one", at: here)
            return []
        }
        let absolute = pattern.hasPrefix("/")
        let diskPattern = absolute ? pattern : directory + "/" + pattern
        let shownPattern = absolute ? pattern : (displayDirectory.isEmpty ? pattern : displayDirectory + "/" + pattern)
        if !policy.allowOutside, let rootDirectory, !Self.isInside(diskPattern, folder: rootDirectory) {
            skip(pattern, at: here, because: "it points outside the Corefile's folder")
            issues.append(CorefileIssue(kind: .unreadable, severity: .note,
                                        message: "import '\(pattern)' was not followed: it points outside the Corefile's folder. Pass --allow-include-outside to check what it imports.",
                                        location: here))
            return []
        }
        if source.includedFrom.count >= Self.maxImportDepth {
            syntaxError("imports nest more than \(Self.maxImportDepth) files deep; does '\(pattern)' import itself?", at: here)
            return []
        }
        let matches = Self.glob(diskPattern)
        if matches.isEmpty {
            if pattern.contains("*") || pattern.contains("?") {
                skip(pattern, at: here, because: "no file matches it")
            } else {
                let hint = pattern.contains("/") || pattern.contains(".") ? "" : " (and no snippet '(\(pattern))' is declared before this line)"
                issues.append(CorefileIssue(kind: .unreadable, severity: .error,
                                            message: "import '\(pattern)' names a file that does not exist\(hint); CoreDNS refuses to start.",
                                            location: here))
            }
            return []
        }
        var result: [CorefileToken] = []
        let site = IncludeSite(path: source.path, line: here.line)
        for match in matches {
            fileExpansions += 1
            guard fileExpansions <= Self.maxExpansions else {
                if fileExpansions == Self.maxExpansions + 1 {
                    syntaxError("file imports expand more than \(Self.maxExpansions) times; do files import each other?", at: here)
                }
                return result
            }
            let shown = Self.shownPath(for: match, pattern: diskPattern, shownPattern: shownPattern)
            let data: [UInt8]
            switch RegularFile.read(match, limit: policy.maxFileBytes) {
            case .success(let bytes): data = bytes
            case .failure(let failure):
                issues.append(CorefileIssue(kind: .unreadable, severity: .error,
                                            message: "import '\(pattern)' matches \(shown), which was not read: \(failure.reason).", location: here))
                continue
            }
            let importedSource = CorefileSource(path: shown, includedFrom: source.includedFrom + [site], lineMap: nil,
                                                columnOffset: 0, directory: (match as NSString).deletingLastPathComponent,
                                                displayDirectory: (shown as NSString).deletingLastPathComponent)
            let imported = lex(data, source: importedSource)
            if Self.isNotACorefile(imported) {
                let start = String(decoding: data.prefix { $0 != 10 && $0 != 13 }, as: UTF8.self)
                syntaxError("import '\(Excerpt.text(pattern))' matches \(shown), which does not look like a Corefile (it starts \"\(Excerpt.text(start, limit: 24))\"): none of its lines names a CoreDNS plugin or opens a block, so it was not read and its lines are not quoted here",
                            at: here)
                continue
            }
            result += imported
        }
        return result
    }

    /// A file reached by `import` that is no Corefile at all (an `import ../../etc/passwd`): at least 8 lines,
    /// not one brace, and not one line starting with a CoreDNS plugin. Its lines would otherwise come back
    /// one by one as unknown plugins, quoting the file.
    static func isNotACorefile(_ tokens: [CorefileToken]) -> Bool {
        var lines = 0
        var previousLine = 0
        for token in tokens {
            if token.isOpenBrace || token.isCloseBrace { return false }
            guard token.line != previousLine else { continue }
            previousLine = token.line
            lines += 1
            if CoreDNSPlugins.isInTree(token.text) { return false }
        }
        return lines >= 8
    }

    private mutating func skip(_ pattern: String, at location: SourceLocation, because reason: String) {
        unresolved.append(Corefile.UnresolvedImport(pattern: pattern, location: location, reason: reason))
    }

    static func isInside(_ path: String, folder: String) -> Bool {
        let target = URL(fileURLWithPath: path).standardized.path
        let root = URL(fileURLWithPath: folder).standardized.path
        return target == root || target.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// Regular files matching a pattern whose wildcard (if any) is in the last path component.
    static func glob(_ pattern: String) -> [String] {
        let folder = (pattern as NSString).deletingLastPathComponent
        let name = (pattern as NSString).lastPathComponent
        var isDirectory: ObjCBool = false
        if !name.contains("*"), !name.contains("?") {
            guard FileManager.default.fileExists(atPath: pattern, isDirectory: &isDirectory), !isDirectory.boolValue else { return [] }
            return [pattern]
        }
        if folder.contains("*") || folder.contains("?") { return [] }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return [] }
        return entries.sorted().filter { entry in
            guard !entry.hasPrefix("."), wildcardMatch(Array(name.unicodeScalars), Array(entry.unicodeScalars)) else { return false }
            return FileManager.default.fileExists(atPath: folder + "/" + entry, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.map { folder + "/" + $0 }
    }

    static func wildcardMatch(_ pattern: [Unicode.Scalar], _ text: [Unicode.Scalar]) -> Bool {
        guard let head = pattern.first else { return text.isEmpty }
        switch head {
        case "*":
            return (0...text.count).contains { wildcardMatch(Array(pattern.dropFirst()), Array(text.dropFirst($0))) }
        case "?":
            return !text.isEmpty && wildcardMatch(Array(pattern.dropFirst()), Array(text.dropFirst()))
        default:
            return text.first == head && wildcardMatch(Array(pattern.dropFirst()), Array(text.dropFirst()))
        }
    }

    /// The path of a match as the user would write it: the shown folder plus the file name.
    static func shownPath(for match: String, pattern: String, shownPattern: String) -> String {
        let shownFolder = (shownPattern as NSString).deletingLastPathComponent
        let name = (match as NSString).lastPathComponent
        return shownFolder.isEmpty ? name : shownFolder + "/" + name
    }

    /// One note for a template, instead of an error for each placeholder.
    mutating func reportTemplate() {
        guard let first = placeholders.first else { return }
        let listed = placeholders.prefix(6).map { "\($0.text) (line \($0.location.line))" }.joined(separator: ", ")
        let more = placeholders.count > 6 ? " and \(placeholders.count - 6) more" : ""
        let count = placeholders.count == 1 ? "the placeholder \(listed) is" : "\(placeholders.count) placeholders, \(listed)\(more), are"
        issues.append(CorefileIssue(
            kind: .template, severity: .note,
            message: "This Corefile is a template: \(count) filled in when it is deployed. dnslint checks it as written and does not judge the values placeholders stand for.",
            location: first.location, arguments: ["placeholders": .strings(placeholders.map(\.text))]))
    }
}
