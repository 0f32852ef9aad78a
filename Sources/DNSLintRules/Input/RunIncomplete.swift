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
        triggering: [
            RuleExample("example.com.zone", """
                $ORIGIN example.com.
                $TTL 3600
                @ IN SOA ns1 hostmaster 1 7200 3600 1209600 300
                @ IN NS ns1
                ns1 IN A 192.0.2.1
                """, arguments: ["--deadline", "0s"], expectedCount: 1, caption: "a deadline that has already passed"),
        ],
        clean: [
            RuleExample("example.com.zone", """
                $ORIGIN example.com.
                $TTL 3600
                @ IN SOA ns1 hostmaster 1 7200 3600 1209600 300
                @ IN NS ns1
                ns1 IN A 192.0.2.1
                """, arguments: ["--deadline", "10m"], expectedCount: 0),
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
        let summary = missed.isEmpty ? "nothing was left undone" : missed.joined(separator: ", ")
        return RunIncomplete().finding("The run was cut short because \(why): \(summary); this report is incomplete.",
                                       at: nil, arguments: ["filesNotRead": .int(files), "namesNotAudited": .int(audited),
                                                            "namesNotJudged": .int(judged)])
    }
}
