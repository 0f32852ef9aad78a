import ArgumentParser

/// Placeholder until the live engine lands (issue 4).
struct LiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "live", abstract: "Query name servers and audit what they answer.")
    func run() throws { throw ValidationError("live auditing is not available in this build") }
}
