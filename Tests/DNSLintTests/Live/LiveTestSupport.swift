@testable import DNSLint
@testable import DNSLintModel
@testable import DNSLintInputs
@testable import DNSLintLive
@testable import DNSLintRules
@testable import DNSLintReporting
import Foundation

/// Runs a live audit the way `dnslint live` does, against loopback servers only.
func liveAudit(_ names: [String], servers: [String], timeout: Double = 1.0, retries: Int = 1,
               configure: (inout LiveOptions) -> Void = { _ in }, source: NameSource? = nil,
               lint: LintOptions = LintOptions()) async throws -> LintReport {
    var options = LiveOptions()
    options.servers = servers
    options.timeoutSeconds = timeout
    options.retries = retries
    options.queriesPerSecond = 0
    options.progress = false
    configure(&options)
    for server in options.servers {
        precondition(server.hasPrefix("127.") || server.hasPrefix("[::1]"), "tests only ask loopback servers")
    }
    return try await LiveRun.run(names: source ?? NameSource(arguments: names), live: options, lint: lint)
}

extension LintReport {
    func codes(for name: String) -> [String] {
        findings.filter { $0.subject?.name.hasPrefix(name) == true }.map(\.ruleCode).sorted()
    }

    func int(_ key: String) -> Int {
        if case .int(let value) = extraSummary[key] { return value }
        return -1
    }
}
