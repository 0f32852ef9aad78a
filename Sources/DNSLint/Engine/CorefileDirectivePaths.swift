import DNSLintModel

/// Each Corefile line that opens a server block or holds a directive, as a path through the Corefile's
/// structure: `.:53 example.org > forward > prefer_udp`. A finding on such a line is keyed by this path, not by
/// its line number or its arguments.
struct CorefileDirectivePaths {
    private struct Line: Hashable {
        var path: String
        var line: Int
    }

    private var paths: [Line: String] = [:]

    init(_ inputs: [any ParsedInput]) {
        for corefile in inputs.compactMap({ $0 as? Corefile }) {
            for block in corefile.serverBlocks {
                let keys = block.title
                note(block.location, keys)
                for directive in block.directives { add(directive, under: keys) }
            }
        }
    }

    private mutating func add(_ directive: Corefile.Directive, under parent: String) {
        let path = parent + " > " + directive.name
        note(directive.location, path)
        for option in directive.block { add(option, under: path) }
    }

    /// The first claim on a line wins: a block's key line that also opens a directive keeps the block's path.
    private mutating func note(_ location: SourceLocation, _ path: String) {
        let line = Line(path: location.path, line: location.line)
        if paths[line] == nil { paths[line] = path }
    }

    /// Sets `directive` on every finding whose primary location is such a line.
    func annotate(_ findings: inout [Finding]) {
        guard !paths.isEmpty else { return }
        for index in findings.indices {
            guard let location = findings[index].location else { continue }
            if let path = paths[Line(path: location.path, line: location.line)] { findings[index].directive = path }
        }
    }
}
