import DNSLintModel
import LDNS
import Foundation
import Yams

/// One YAML document of a multi-document manifest and the file line it starts on.
struct ManifestDocument {
    var text: String
    /// 1-based line of the document's first line in the file.
    var firstLine: Int
}

enum ManifestDocuments {
    /// Splits at `---` lines so that one broken document does not hide the ones after it.
    static func split(_ text: String) -> [ManifestDocument] {
        var documents: [ManifestDocument] = []
        var current: [Substring] = []
        var start = 1
        var number = 0
        for line in TextLines.split(text) {
            number += 1
            let isMarker = line == "---" || line.hasPrefix("--- ") || line.hasPrefix("---\t") || line == "---\r"
            if isMarker, !current.isEmpty {
                documents.append(ManifestDocument(text: current.joined(separator: "\n"), firstLine: start))
                current = []
                start = number
            }
            current.append(line)
        }
        if !current.isEmpty { documents.append(ManifestDocument(text: current.joined(separator: "\n"), firstLine: start)) }
        return documents
    }

    /// `%{NAME}%` (k3s) cannot start a YAML plain scalar; it is swapped for the same-length `__NAME__`
    /// so the document parses with unchanged columns. Returns the text and the swaps made.
    static func neutralizePlaceholders(_ text: String) -> (text: String, swaps: [String: String]) {
        guard text.contains("%{") else { return (text, [:]) }
        let pattern = try! NSRegularExpression(pattern: #"%\{([A-Za-z_][A-Za-z0-9_]*)\}%"#)
        var swaps: [String: String] = [:]
        let range = NSRange(text.startIndex..., in: text)
        for match in pattern.matches(in: text, range: range) {
            guard let whole = Range(match.range, in: text), let name = Range(match.range(at: 1), in: text) else { continue }
            swaps["__\(text[name])__"] = String(text[whole])
        }
        let replaced = pattern.stringByReplacingMatches(in: text, range: range, withTemplate: "__$1__")
        return (replaced, swaps)
    }

    /// Puts the original placeholders back into a value taken from a neutralized document.
    static func restore(_ value: String, swaps: [String: String]) -> String {
        swaps.reduce(value) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
    }

    /// The line, column and message of a YAML error, with lines counted in the whole file.
    static func describe(_ error: Error, firstLine: Int) -> (line: Int, column: Int, message: String) {
        let offset = firstLine - 1
        guard let yamlError = error as? YamlError else { return (firstLine, 1, "\(error)") }
        switch yamlError {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = problem
            if let context { message += " (\(context.text) at line \(context.mark.line + offset))" }
            return (mark.line + offset, mark.column, message)
        case let .reader(problem, _, _, _):
            return (firstLine, 1, problem)
        case let .duplicatedKeysInMapping(duplicates, context):
            return (context.mark.line + offset, context.mark.column,
                    "duplicate key \(duplicates.joined(separator: ", ")) in one mapping")
        default:
            return (firstLine, 1, "\(yamlError)")
        }
    }
}

/// Small typed accessors over Yams nodes, with locations in the whole file.
struct YAMLCursor {
    let path: String
    /// Lines before the document in the file.
    let lineOffset: Int

    func location(_ node: Node?) -> SourceLocation? {
        guard let mark = node?.mark else { return nil }
        return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
    }

    /// The location of `key` itself in a mapping (the `spec:` line rather than its first child).
    func keyLocation(_ key: String, in node: Node?) -> SourceLocation? {
        guard let mapping = node?.mapping else { return nil }
        for (keyNode, _) in mapping where keyNode.string == key { return location(keyNode) }
        return nil
    }

    func string(_ key: String, in node: Node?) -> String? {
        guard let value = node?.mapping?[key], let scalar = value.scalar else { return nil }
        return scalar.string
    }
}
