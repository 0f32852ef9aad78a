import DNSLintModel
import DNSLintReporting
import Foundation

/// Standard output for reports and other command output. A reader that closed it early (`dnslint check … |
/// head`) is not an error: what is left has nowhere to go, nothing is said on stderr, and the run ends with
/// the exit code it would have had. Main ignores SIGPIPE so that such a write fails with EPIPE here instead
/// of killing the process before it can finish. Any other failure (a full disk) is one line, exit 2.
enum StandardOutput {
    static func write(_ body: (OutputSink) -> Void) throws(InputError) {
        let sink = OutputSink(handle: FileHandle.standardOutput)
        body(sink)
        sink.flush()
        if let failure = sink.failure, !sink.readerClosed {
            throw InputError("standard output: cannot write the report (\(failure))")
        }
    }

    static func write(_ text: String) throws(InputError) {
        try write { $0.write(text) }
    }
}
