import DNSLintModel
import LDNS
/// Something wrong or worth knowing found while reading a Corefile; the loader makes findings of these.
struct CorefileIssue: Sendable {
    enum Kind: Sendable { case syntax, template, unreadable }
    var kind: Kind
    var severity: Severity
    var message: String
    var location: SourceLocation
    var arguments: FindingArguments = [:]
}

/// Groups Corefile tokens into server blocks and directives the way CoreDNS' Caddyfile parser does,
/// expanding `import` of snippets and files in place. Unlike CoreDNS it does not stop at the first
/// error: it reports each one with what was expected and resynchronises at the next line or brace.
struct CorefileParser {
    struct ImportPolicy: Sendable {
        /// False for embedded text: its imports name files inside the CoreDNS container.
        var followFiles: Bool
        var allowOutside: Bool
        /// Imported files larger than this are reported, not read.
        var maxFileBytes = LintOptions.defaultMaxFileBytes
    }

    static let maxSyntaxErrors = 20
    static let maxImportDepth = 10
    static let maxExpansions = 1000
    /// Tokens imports may add in all, beyond the files' own: each expansion is spliced into the token array,
    /// so a snippet that imports itself would otherwise cost quadratic time before `maxExpansions` stops it.
    static let maxImportedTokens = 20_000
    /// Blocks nest two levels in CoreDNS (server block, plugin block); deeper ones are skipped with a finding
    /// rather than parsed, so nesting costs no stack.
    static let maxNesting = 32

    var tokens: [CorefileToken] = []
    var position = 0
    var sources: [CorefileSource] = []
    var snippets: [String: [CorefileToken]] = [:]
    var issues: [CorefileIssue] = []
    var placeholders: [Corefile.Placeholder] = []
    var unresolved: [Corefile.UnresolvedImport] = []
    let policy: ImportPolicy
    let rootDirectory: String?
    var snippetExpansions = 0
    var fileExpansions = 0
    var importedTokens = 0
    var syntaxErrors = 0
    /// Lines longer than this are reported and left out.
    let maxLineBytes: Int
    /// Blocks open around the current position.
    var nesting = 0

    init(policy: ImportPolicy, rootDirectory: String?, maxLineBytes: Int = LintOptions.defaultMaxLineBytes) {
        self.policy = policy
        self.rootDirectory = rootDirectory
        self.maxLineBytes = maxLineBytes
    }

    /// Parses one Corefile (the text of `source`) with everything it imports.
    static func parse(_ bytes: [UInt8], source: CorefileSource, policy: ImportPolicy,
                      maxLineBytes: Int = LintOptions.defaultMaxLineBytes) -> (corefile: Corefile, issues: [CorefileIssue]) {
        var parser = CorefileParser(policy: policy, rootDirectory: source.directory, maxLineBytes: maxLineBytes)
        parser.tokens = parser.lex(bytes, source: source)
        let blocks = parser.parseAll()
        parser.reportTemplate()
        let corefile = Corefile(path: source.path, serverBlocks: blocks, placeholders: parser.placeholders,
                                unresolvedImports: parser.unresolved, isEmbedded: source.lineMap != nil)
        return (corefile, parser.issues)
    }

    // MARK: - Tokens

    /// Tokenizes one file, reports what the lexer noticed, and splits `}PLACEHOLDER` (a template
    /// placeholder glued to a closing brace, as in coredns/deployment's `}STUBDOMAINS`).
    mutating func lex(_ bytes: [UInt8], source: CorefileSource) -> [CorefileToken] {
        let index = sources.count
        sources.append(source)
        let output = CorefileLexer.tokenize(withoutLongLines(bytes, source: source), source: index)
        for quote in output.unterminatedQuotes {
            syntaxError("quoted string never closes; expected '\"' before the end of the file",
                        at: source.location(line: quote.line, column: quote.column))
        }
        if let line = output.firstInvalidUTF8Line {
            syntaxError("line \(line) holds bytes that are not UTF-8; CoreDNS reads each as U+FFFD, so no name or option written with them can match",
                        at: source.location(line: line, column: 1), severity: .warning)
        }
        var result: [CorefileToken] = []
        result.reserveCapacity(output.tokens.count)
        for token in output.tokens {
            if !token.quoted, token.text.count > 1, token.text.hasPrefix("}"),
               CorefilePlaceholders.isWhole(String(token.text.dropFirst())) {
                var brace = token
                brace.text = "}"
                var rest = token
                rest.text.removeFirst()
                rest.column += 1
                result += [brace, rest]
            } else {
                result.append(token)
            }
        }
        for token in result {
            for text in CorefilePlaceholders.find(in: token.text) where !placeholders.contains(where: { $0.text == text }) {
                placeholders.append(Corefile.Placeholder(text: text, location: location(of: token)))
            }
        }
        return closingUnclosedBlocks(result)
    }

    /// When a file opens more blocks than it closes, finds by indentation which blocks never closed: a line that
    /// starts at or left of a block's opening line (after the block had deeper lines), or a '}' at the column of
    /// an outer block's opening line, ends the blocks opened inside it. Each such block is reported at the line
    /// that opened it and closed there with a synthetic '}', so the rest of the file parses as its layout means
    /// (the next server block is a server block, not an unknown plugin). Blocks still open at the end of the file
    /// are left to the parser, which reports them at their opening line too. Balanced files are left alone.
    mutating func closingUnclosedBlocks(_ tokens: [CorefileToken]) -> [CorefileToken] {
        let opens = tokens.reduce(0) { $0 + ($1.isOpenBrace ? 1 : 0) }
        var missing = opens - tokens.reduce(0) { $0 + ($1.isCloseBrace ? 1 : 0) }
        guard missing > 0 else { return tokens }
        struct Open { var index: Int; var indent: Int; var lineStart: Int; var deeper: Bool }
        var stack: [Open] = []
        var output: [CorefileToken] = []
        output.reserveCapacity(tokens.count + missing)
        var lineIndent = 0, lineStart = 0
        func close(_ open: Open, before token: CorefileToken) {
            let line = tokens[open.lineStart]
            let ends = location(of: token).line
            syntaxError("the block of '\(line.text)' opened here never closes: expected '}' before line \(ends), where the indentation shows the block ends",
                        at: location(of: line), arguments: ["closedBy": .int(ends)])
            var brace = token
            brace.text = "}"
            brace.quoted = false
            brace.column = 0
            brace.synthetic = true
            output.append(brace)
        }
        for (index, token) in tokens.enumerated() {
            if index == 0 || tokens[index - 1].endsLine(before: token) {
                lineIndent = token.column
                lineStart = index
                if token.isCloseBrace {
                    // A '}' at the column of an outer block's line closes that block: the deeper ones inside never closed.
                    // (Bounded: CoreDNS nests two levels, and a search per brace through deep nesting would be quadratic.)
                    if stack.count <= Self.maxNesting, let match = stack.lastIndex(where: { $0.indent == token.column }), match < stack.count - 1,
                       stack[(match + 1)...].allSatisfy({ $0.indent > token.column }) {
                        while stack.count - 1 > match, missing > 0 {
                            close(stack.removeLast(), before: token)
                            missing -= 1
                        }
                    }
                } else {
                    while missing > 0, let top = stack.last, top.deeper, token.column <= top.indent {
                        close(stack.removeLast(), before: token)
                        missing -= 1
                    }
                    if let top = stack.last, token.column > top.indent { stack[stack.count - 1].deeper = true }
                }
            }
            if token.isOpenBrace {
                stack.append(Open(index: index, indent: lineIndent, lineStart: lineStart, deeper: false))
            } else if token.isCloseBrace, !stack.isEmpty {
                stack.removeLast()
            }
            output.append(token)
        }
        return output
    }

    /// Blanks lines longer than `maxLineBytes`, keeping their line breaks so later lines keep their numbers.
    mutating func withoutLongLines(_ bytes: [UInt8], source: CorefileSource) -> [UInt8] {
        guard bytes.count > maxLineBytes else { return bytes }
        var kept: [UInt8] = []
        var lineStart = 0
        var number = 1
        var dropped = false
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 10 {
            let length = index - lineStart
            if length > maxLineBytes {
                syntaxError("line \(number) is \(length) bytes long, more than the limit of \(maxLineBytes) bytes for one line; it was not read",
                            at: source.location(line: number, column: 1))
                dropped = true
            } else {
                kept += bytes[lineStart..<index]
            }
            if index < bytes.count { kept.append(10) }
            lineStart = index + 1
            number += 1
        }
        return dropped ? kept : bytes
    }

    func location(of token: CorefileToken) -> SourceLocation {
        sources[token.source].location(line: token.line, column: token.column)
    }

    /// A placeholder alone at the end of its line stands for generated lines; it is skipped.
    func isStructuralPlaceholder(at index: Int) -> Bool {
        let token = tokens[index]
        guard !token.quoted, CorefilePlaceholders.isWhole(token.text) else { return false }
        return index + 1 >= tokens.count || token.endsLine(before: tokens[index + 1])
    }

    mutating func syntaxError(_ message: String, at location: SourceLocation, severity: Severity = .error,
                              arguments: FindingArguments = [:]) {
        syntaxErrors += 1
        if syntaxErrors <= Self.maxSyntaxErrors {
            issues.append(CorefileIssue(kind: .syntax, severity: severity, message: message, location: location, arguments: arguments))
        } else if syntaxErrors == Self.maxSyntaxErrors + 1 {
            issues.append(CorefileIssue(kind: .syntax, severity: .note,
                                        message: "More syntax errors follow; dnslint reports the first \(Self.maxSyntaxErrors). Fix these and run it again.",
                                        location: location))
        }
    }

    mutating func syntaxError(_ message: String, at token: CorefileToken, severity: Severity = .error) {
        syntaxError(message, at: location(of: token), severity: severity)
    }

    // MARK: - Server blocks

    mutating func parseAll() -> [Corefile.ServerBlock] {
        var blocks: [Corefile.ServerBlock] = []
        while position < tokens.count {
            let token = tokens[position]
            if token.isImport {
                expandImport()
                continue
            }
            if isStructuralPlaceholder(at: position) {
                position += 1
                continue
            }
            if token.isCloseBrace {
                if !token.synthetic { syntaxError("unexpected '}' with no matching '{'", at: token) }
                position += 1
                continue
            }
            if token.isOpenBrace {
                syntaxError("expected a server block key such as '.:53' before '{'", at: token)
                position += 1
                _ = parseDirectives(opener: token, nested: false)
                continue
            }
            let keys = readKeys()
            if keys.count == 1, !keys[0].quoted, keys[0].text.hasPrefix("("), keys[0].text.hasSuffix(")") {
                readSnippet(named: keys[0])
                continue
            }
            var directives: [Corefile.Directive] = []
            if position < tokens.count, tokens[position].isOpenBrace {
                let opener = tokens[position]
                position += 1
                directives = parseDirectives(opener: opener, nested: false)
            } else if position < tokens.count {
                // CoreDNS accepts one server block without braces: the rest of the file is its body.
                directives = parseDirectives(opener: nil, nested: false)
            }
            if let block = makeBlock(keys: keys, directives: directives) { blocks.append(block) }
        }
        return blocks
    }

    /// Keys run to the end of the line, or on across lines after a trailing comma, or up to `{`.
    mutating func readKeys() -> [CorefileToken] {
        var keys: [CorefileToken] = []
        var expectAnother = false
        var previous: CorefileToken?
        while position < tokens.count {
            let token = tokens[position]
            if let previous, !expectAnother, previous.endsLine(before: token) { break }
            if token.isOpenBrace {
                if expectAnother { syntaxError("expected another server block key after ',' but found '{'", at: token) }
                return keys
            }
            if token.isCloseBrace { break }
            position += 1
            previous = token
            var key = token
            expectAnother = key.text.hasSuffix(",")
            if expectAnother { key.text.removeLast() }
            if !key.text.isEmpty { keys.append(key) }
        }
        if expectAnother, let previous {
            syntaxError("expected another server block key after ',' before the end of the file", at: previous)
        }
        return keys
    }

    mutating func readSnippet(named nameToken: CorefileToken) {
        let name = String(nameToken.text.dropFirst().dropLast())
        guard position < tokens.count, tokens[position].isOpenBrace else {
            syntaxError("expected '{' after snippet name '\(nameToken.text)'", at: nameToken)
            return
        }
        let opener = tokens[position]
        position += 1
        var depth = 1
        var body: [CorefileToken] = []
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            if token.isCloseBrace {
                depth -= 1
                if depth == 0 { break }
            } else if token.isOpenBrace {
                depth += 1
            }
            body.append(token)
        }
        if depth != 0 {
            syntaxError("expected '}' to close snippet '\(nameToken.text)' before the end of the file", at: opener)
        }
        if snippets[name] != nil {
            syntaxError("snippet '\(nameToken.text)' is declared twice; CoreDNS refuses a redeclared snippet", at: nameToken)
        } else {
            snippets[name] = body
        }
    }

    mutating func makeBlock(keys: [CorefileToken], directives: [Corefile.Directive]) -> Corefile.ServerBlock? {
        guard let first = keys.first else { return nil }
        var parsed: [Corefile.ServerKey] = []
        for token in keys {
            let (key, problem) = CorefileServerKeyParser.parse(token.text, location: location(of: token))
            if let problem { syntaxError(problem, at: token) }
            parsed.append(key)
        }
        return Corefile.ServerBlock(keys: parsed, directives: directives, location: location(of: first))
    }

    // MARK: - Directives

    /// Lines up to the `}` matching `opener` (or to the end of the file when there is no opener).
    mutating func parseDirectives(opener: CorefileToken?, nested: Bool) -> [Corefile.Directive] {
        nesting += 1
        defer { nesting -= 1 }
        if let opener, nesting > Self.maxNesting {
            syntaxError("blocks nest more than \(Self.maxNesting) deep here (CoreDNS plugins use two levels); the block opened here was not read",
                        at: opener)
            skipBlock(opened: opener)
            return []
        }
        var directives: [Corefile.Directive] = []
        while position < tokens.count {
            let token = tokens[position]
            if token.isCloseBrace {
                position += 1
                if opener != nil {
                    if nested, !token.synthetic { skipRestOfLine(after: token) }
                    return directives
                }
                if !token.synthetic { syntaxError("unexpected '}' with no matching '{'", at: token) }
                continue
            }
            if token.isImport {
                expandImport()
                continue
            }
            if isStructuralPlaceholder(at: position) {
                position += 1
                continue
            }
            if token.isOpenBrace {
                syntaxError("expected a plugin or option name before '{'", at: token)
                position += 1
                _ = parseDirectives(opener: token, nested: true)
                continue
            }
            directives.append(parseDirective(opener: opener))
        }
        if let opener {
            syntaxError("expected '}' to close the block opened here before the end of the file", at: opener)
        }
        return directives
    }

    /// One line: a name, its arguments, and the block that opens at the end of the line.
    mutating func parseDirective(opener: CorefileToken?) -> Corefile.Directive {
        let nameToken = tokens[position]
        position += 1
        var directive = Corefile.Directive(name: nameToken.text, location: location(of: nameToken))
        var last = nameToken
        while position < tokens.count {
            let next = tokens[position]
            if last.endsLine(before: next) || next.synthetic { break }
            if next.isOpenBrace {
                position += 1
                directive.hasBlock = true
                directive.block = parseDirectives(opener: next, nested: true)
                break
            }
            if next.isCloseBrace {
                if opener == nil {
                    syntaxError("unexpected '}' with no matching '{'", at: next)
                    position += 1
                    last = next
                    continue
                }
                syntaxError("expected a line break before '}'; CoreDNS reads a '}' on the line of '\(directive.name)' as one of its arguments", at: next)
                // When a '}' follows on its own line, that one closes the block: skip this one to avoid a cascade.
                if let after = tokens[(position + 1)...].first(where: { next.endsLine(before: $0) }), after.isCloseBrace {
                    position += 1
                    last = next
                    continue
                }
                break
            }
            directive.arguments.append(Corefile.Argument(text: next.text, location: location(of: next), quoted: next.quoted))
            position += 1
            last = next
        }
        return directive
    }

    /// Moves past the `}` matching `opener` without parsing what is between, counting braces instead of recursing.
    mutating func skipBlock(opened opener: CorefileToken) {
        var depth = 1
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            if token.isOpenBrace {
                depth += 1
            } else if token.isCloseBrace {
                depth -= 1
                if depth == 0 { return }
            }
        }
        syntaxError("expected '}' to close the block opened here before the end of the file", at: opener)
    }

    /// After a nested block's `}`, the line must end: CoreDNS hands further words to the plugin.
    mutating func skipRestOfLine(after brace: CorefileToken) {
        var reported = false
        while position < tokens.count, !brace.endsLine(before: tokens[position]) {
            if !isStructuralPlaceholder(at: position), !reported {
                syntaxError("expected a line break after '}' but found '\(tokens[position].text)'", at: tokens[position])
                reported = true
            }
            position += 1
        }
    }
}
