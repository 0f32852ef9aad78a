import Foundation

/// Runs a helper program (git) to its end.
package enum Subprocess {
    package struct Outcome: Sendable {
        package var status: Int32
        package var stdout: String
        package var stderr: String
    }

    /// Standard output is kept only when asked (else it goes nowhere); standard error is always kept, trimmed.
    package static func run(_ executable: String, _ arguments: [String], in folder: String, keepOutput: Bool = false) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let errors = Pipe()
        let out = Pipe()
        process.standardError = errors
        process.standardOutput = keepOutput ? out : FileHandle.nullDevice
        try process.run()
        // Output first: git writes little to standard error, so that pipe cannot fill up meanwhile.
        let stdout = keepOutput ? String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) : ""
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: stdout, stderr: stderr.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
