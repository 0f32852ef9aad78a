import ArgumentParser

/// Placeholder until the live engine lands (issue 4).
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "analyze", abstract: "Re-analyse a saved live capture offline.")
    func run() throws { throw ValidationError("capture analysis is not available in this build") }
}
