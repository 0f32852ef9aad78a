import DNSLintModel

/// JUnit XML for CI dashboards: one test case per finding (errors and warnings fail, notes pass with the
/// message as output), grouped in a suite per file; a clean run is one passing case. Dashboards track a test
/// case by its suite and name across runs, so names carry no line number (an edit above would rename the
/// case): the rule and what the finding is about (the DNS name, else the Corefile directive, else the
/// line's text, except in files no report quotes); the line is in the failure text. Paths are
/// repository-relative, as in SARIF.
struct JUnitReporter {
    let root: RepositoryRoot

    init(root: RepositoryRoot) {
        self.root = root
    }

    func render(_ report: LintReport) -> String {
        // Within the run's own cap: a file too large to read as an input is not read back for a name either.
        let sources = SourceLines(maxFileBytes: report.maxFileBytes)
        var suites: [(name: String, findings: [Finding])] = []
        var index: [String: Int] = [:]
        for finding in report.findings {
            let name = finding.location.map { path($0.path) } ?? finding.subject.map { "live \($0.server ?? "")".trimmingCharacters(in: .whitespaces) } ?? "dnslint"
            if let position = index[name] {
                suites[position].findings.append(finding)
            } else {
                index[name] = suites.count
                suites.append((name, [finding]))
            }
        }
        let failures = report.findings.filter { $0.severity != .note }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"dnslint\" tests=\"\(max(1, report.findings.count))\" failures=\"\(failures)\" errors=\"0\">\n"
        if suites.isEmpty {
            out += "  <testsuite name=\"dnslint\" tests=\"1\" failures=\"0\" errors=\"0\">\n"
            out += "    <testcase classname=\"dnslint\" name=\"\(report.filesChecked.counted("file")) checked: no problems found\"/>\n"
            out += "  </testsuite>\n"
        }
        for suite in suites {
            let suiteFailures = suite.findings.filter { $0.severity != .note }.count
            out += "  <testsuite name=\"\(Self.escape(suite.name))\" tests=\"\(suite.findings.count)\" failures=\"\(suiteFailures)\" errors=\"0\">\n"
            for finding in suite.findings {
                let finding = finding.resolved()
                out += testCase(finding, suite: suite.name, name: caseName(finding, sources: sources, unquoted: report.unquotedFiles))
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    private func path(_ file: String) -> String { root.relative(file) ?? file }

    /// `DNS1003 cname-dangling web.example.com./CNAME`, `DNS2005 forward-passes-truncation .:53 > forward`. A
    /// finding in a file no report quotes (one that is not a zone, or a zone reached outside the zone's folder:
    /// an included passwd) is named by its rule alone; the suite names the file.
    private func caseName(_ finding: Finding, sources: SourceLines, unquoted: Set<String>) -> String {
        var about = ""
        if let subject = finding.subject {
            about = subject.name + (subject.type.map { "/\($0)" } ?? "") + (subject.server.map { " @\($0)" } ?? "")
        } else if let directive = finding.directive {
            about = directive
        } else if let location = finding.location, !unquoted.contains(location.path) {
            about = String(FindingKeys.normalized(sources.line(location.line, of: location.path) ?? "").prefix(120))
        }
        return "\(finding.ruleCode) \(finding.ruleName)" + (about.isEmpty ? "" : " \(about)")
    }

    private func testCase(_ finding: Finding, suite: String, name: String) -> String {
        var attributes = "classname=\"\(Self.escape(suite))\" name=\"\(Self.escape(name))\""
        var text = finding.message
        if let location = finding.location {
            attributes += " file=\"\(Self.escape(path(location.path)))\" line=\"\(location.line)\""
            text = "\(path(location.path)):\(location.line):\(location.column): \(finding.message)"
        }
        guard finding.severity != .note else {
            return "    <testcase \(attributes)>\n      <system-out>\(Self.escape(text))</system-out>\n    </testcase>\n"
        }
        return "    <testcase \(attributes)>\n      <failure type=\"\(finding.severity.rawValue)\" message=\"\(Self.escape(finding.message))\">"
            + "\(Self.escape(text))</failure>\n    </testcase>\n"
    }

    /// XML text and attribute escaping; control characters XML 1.0 cannot hold become spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\t": out += "&#9;"
            default: out.unicodeScalars.append(scalar.value < 0x20 ? " " : scalar)
            }
        }
        return out
    }
}
