import DNSLintModel

/// DNS4001 and DNS4002 describe a failure that comes and goes with cache state; `dnslint simulate` shows it
/// over time, so their findings say how to run it for the name they are about.
enum SimulatePointer {
    /// What to add to `dnslint simulate` and the paths the check read.
    static func arguments(for name: DNSName) -> String {
        "--lookup \(name.relative(to: nil).trimmingTrailingDot) --what-if"
    }

    static func sentence(for name: DNSName) -> String {
        " `dnslint simulate` with the same inputs and \(arguments(for: name)) shows when lookups fail and which change ends it."
    }
}

private extension String {
    var trimmingTrailingDot: String { hasSuffix(".") ? String(dropLast()) : self }
}
