import DNSLintModel
import Synchronization

/// DNS0007: the run stopped before it checked everything (deadline or signal).
package struct RunIncomplete: Rule {
    package init() {}

    package let metadata = RuleMetadata(
        code: "DNS0007",
        name: "run-incomplete",
        summary: "The run stopped early (its --deadline passed, or it was interrupted), so part of the input was not checked.",
        rationale: """
            A nightly audit or a CI gate that is killed or runs out of time must not look like a clean run. \
            dnslint stops taking new work, reports every finding it has, and says how much it did not check, \
            so a partial report is never mistaken for a complete one.
            """,
        remediation: """
            Give the run more time (--deadline), audit fewer names per run (split them across jobs), or lower \
            --timeout/--retries so silent servers cost less.
            """,
        severity: .error,
        inputs: InputKind.allCases,
        argumentKeys: [
            ArgumentKey("filesNotRead", .int, "Input files not read once the stop came."),
            ArgumentKey("namesNotAudited", .int, "Live names never sent to a server."),
            ArgumentKey("namesNotJudged", .int, "Audited names the rules did not judge."),
        ],
        triggering: [
            RuleExample("triggering-1", arguments: ["--deadline", "0s"], caption: "a deadline that has already passed"),
        ],
        clean: [
            RuleExample("clean-1", arguments: ["--deadline", "10m"]),
        ]
    )

    package func check(_ context: LintContext) -> [Finding] { [] }

    /// The finding for a run that was asked to stop; nil when it ran to the end.
    package static func finding(for stop: RunStop) -> Finding? {
        guard let why = stop.why else { return nil }
        let files = stop.filesNotRead.load(ordering: .relaxed)
        let judged = stop.namesNotJudged.load(ordering: .relaxed)
        let audited = stop.namesNotAudited.load(ordering: .relaxed)
        var missed: [String] = []
        if files > 0 { missed.append("\(files) input file\(files == 1 ? "" : "s") not read") }
        if audited > 0 { missed.append("\(audited) name\(audited == 1 ? "" : "s") not audited") }
        if judged > 0 { missed.append("\(judged) name\(judged == 1 ? "" : "s") not judged") }
        var summary = missed.isEmpty ? "nothing was left undone" : missed.joined(separator: ", ")
        if stop.firstLeftOutLocation != nil { summary += ", the first of them here" }
        return RunIncomplete().finding("The run was cut short because \(why): \(summary); this report is incomplete.",
                                       at: stop.firstLeftOutLocation, arguments: ["filesNotRead": .int(files), "namesNotAudited": .int(audited),
                                                            "namesNotJudged": .int(judged)])
    }
}
