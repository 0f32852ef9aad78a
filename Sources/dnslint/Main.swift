import ArgumentParser
import DNSLint
import DNSLintModel
import DNSLintReporting
import DNSLintRules
import Foundation
import LDNS

/// Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, configuration or internal error. Output
/// cut short by its reader (`| head`) changes none of them (see StandardOutput).
@main
struct Main {
    static func main() async {
        _ = RunClock.started
        // A closed pipe is a failed write (EPIPE) that the output code handles, not a signal that kills the
        // run before it can write its other reports and exit with its own code.
        signal(SIGPIPE, SIG_IGN)
        // A 1M-record zone peaked anywhere from 137 to 160 MiB from run to run, and at 128 MiB with this.
        LargeAllocations.mapAndReturnToSystem(atLeast: 1 << 20)
        do {
            var command = try DNSLintCommand.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch let input as InputError {
            FileHandle.standardError.write(Data("dnslint: \(input.message)\n".utf8))
            Foundation.exit(2)
        } catch {
            let code = DNSLintCommand.exitCode(for: error)
            if code == .success {
                print(DNSLintCommand.fullMessage(for: error))
                Foundation.exit(0)
            }
            // A usage error is one line naming what is wrong, like every other exit 2 (`--help` has the usage).
            let message = DNSLintCommand.message(for: error).split(whereSeparator: \.isNewline).joined(separator: " ")
            FileHandle.standardError.write(Data(("dnslint: " + message + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

struct DNSLintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dnslint",
        abstract: "Audit DNS zones, CoreDNS Corefiles, resolv.conf and Kubernetes DNS settings, offline and live.",
        version: DNSLintVersion.current,
        subcommands: [CheckCommand.self, RulesCommand.self, ExplainCommand.self, LiveCommand.self, AnalyzeCommand.self, MergeCommand.self,
                      SimulateCommand.self, InitCommand.self, GenerateDocsCommand.self],
        defaultSubcommand: CheckCommand.self
    )
}
