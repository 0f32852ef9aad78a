import DNSLintModel

/// JUnit XML for CI dashboards: one test case per finding (errors and warnings fail, notes pass with the
/// message as output), grouped in a suite per file; a clean run is one passing case.
struct JUnitReporter {
    func render(_ report: LintReport) -> String {
        var suites: [(name: String, findings: [Finding])] = []
        var index: [String: Int] = [:]
        for finding in report.findings {
            let name = finding.location?.path ?? finding.subject.map { "live \($0.server ?? "")".trimmingCharacters(in: .whitespaces) } ?? "dnslint"
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
            out += "    <testcase classname=\"dnslint\" name=\"\(report.filesChecked) files checked: no problems found\"/>\n"
            out += "  </testsuite>\n"
        }
        for suite in suites {
            let suiteFailures = suite.findings.filter { $0.severity != .note }.count
            out += "  <testsuite name=\"\(Self.escape(suite.name))\" tests=\"\(suite.findings.count)\" failures=\"\(suiteFailures)\" errors=\"0\">\n"
            for finding in suite.findings { out += testCase(finding, suite: suite.name) }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    private func testCase(_ finding: Finding, suite: String) -> String {
        var place = ""
        if let location = finding.location { place = ":\(location.line)" }
        if let subject = finding.subject { place += " \(subject.name)\(subject.type.map { "/\($0)" } ?? "")" }
        let name = "\(finding.ruleCode) \(finding.ruleName)\(place)"
        var attributes = "classname=\"\(Self.escape(suite))\" name=\"\(Self.escape(name))\""
        if let location = finding.location { attributes += " file=\"\(Self.escape(location.path))\" line=\"\(location.line)\"" }
        guard finding.severity != .note else {
            return "    <testcase \(attributes)>\n      <system-out>\(Self.escape(finding.message))</system-out>\n    </testcase>\n"
        }
        return "    <testcase \(attributes)>\n      <failure type=\"\(finding.severity.rawValue)\" message=\"\(Self.escape(finding.message))\">"
            + "\(Self.escape(finding.message))</failure>\n    </testcase>\n"
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
