import LDNS
import Foundation

/// Placeholders that deployment templates leave for a later substitution step
/// (`__PILLAR__DNS__SERVER__`, `%{CLUSTER_DOMAIN}%`, `{{ .Values.x }}`, `${VAR}`, `{$VAR}`).
/// Values holding one are reported once per file and never validated, so a template does not
/// become a cascade of syntax errors.
package enum TemplatePlaceholders {
    private static let patterns: [NSRegularExpression] = [
        #"__[A-Z][A-Z0-9_]*__"#,
        #"%\{[A-Za-z_][A-Za-z0-9_]*\}%"#,
        #"\{\{.*?\}\}"#,
        #"\$\{[A-Za-z_][A-Za-z0-9_]*\}"#,
        #"\{\$[A-Za-z_][A-Za-z0-9_]*\}"#,
        #"\{%[A-Za-z_][A-Za-z0-9_]*%\}"#,
    ].map { try! NSRegularExpression(pattern: $0) }

    /// Every placeholder in `text`, in order of appearance.
    package static func find(in text: String) -> [String] {
        let range = NSRange(text.startIndex..., in: text)
        var found: [(Int, String)] = []
        for pattern in patterns {
            for match in pattern.matches(in: text, range: range) {
                guard let swiftRange = Range(match.range, in: text) else { continue }
                found.append((match.range.location, String(text[swiftRange])))
            }
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }

    package static func contains(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..., in: text)
        return patterns.contains { $0.firstMatch(in: text, range: range) != nil }
    }

    /// A short list for a message: the distinct placeholders, at most four.
    package static func summary(_ placeholders: [String]) -> String {
        var seen = Set<String>()
        let distinct = placeholders.filter { seen.insert($0).inserted }
        let shown = distinct.prefix(4).joined(separator: ", ")
        return distinct.count > 4 ? shown + " and \(distinct.count - 4) more" : shown
    }
}

/// The closest of `candidates` to a misspelt word, for "did you mean" hints.
package enum Spelling {
    package static func suggestion(for word: String, among candidates: [String], maxDistance: Int = 2) -> String? {
        let lower = word.lowercased()
        if let exact = candidates.first(where: { $0 == lower }) { return exact }
        // The distance is at least the difference in length: a long word is not compared letter by letter
        // with every short candidate (fuzzed and garbled inputs spent most of their time here).
        let length = lower.count
        let scored = candidates.compactMap { candidate -> (String, Int)? in
            guard abs(candidate.count - length) <= maxDistance else { return nil }
            let score = distance(lower, candidate)
            return score <= maxDistance ? (candidate, score) : nil
        }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// Levenshtein distance.
    static func distance(_ left: String, _ right: String) -> Int {
        let a = Array(left), b = Array(right)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
