import DNSLintModel

/// A live finding about a name that several audited names reach through CNAMEs (an RRset with mixed TTLs at a
/// shared target, a target whose TCP retry failed) says the same thing once per alias: the same rule, name,
/// type, server and message, only the alias it came through differs. It is kept once, the first in report
/// order (then by its related places), so a run and the merge of its shards keep the same one.
enum RepeatedLiveFindings {
    private struct Identity: Hashable {
        var rule: String
        var subject: DNSSubject
        var message: String
    }

    /// Drops the repeats from `findings`, which are in report order; the rest keep their order.
    static func fold(_ findings: inout [Finding]) {
        var first: [Identity: Int] = [:]
        var repeated = false
        for index in findings.indices {
            guard let identity = identity(findings[index]) else { continue }
            if let kept = first[identity] {
                repeated = true
                if precedes(findings[index], findings[kept]) { first[identity] = index }
            } else {
                first[identity] = index
            }
        }
        guard repeated else { return }
        let keep = Set(first.values)
        var write = 0
        for read in findings.indices {
            if !keep.contains(read), identity(findings[read]) != nil { continue }
            if write != read { findings.swapAt(write, read) }
            write += 1
        }
        findings.removeLast(findings.count - write)
    }

    private static func identity(_ finding: Finding) -> Identity? {
        // Asked first: a zone's findings (none from a server) are passed over without copying their subjects.
        guard finding.isFromServer, let subject = finding.subject else { return nil }
        return Identity(rule: finding.ruleCode, subject: subject, message: finding.message)
    }

    /// Report order, then the related places' text: a total order, whatever order the findings arrived in.
    private static func precedes(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if Finding.reportOrder(lhs, rhs) { return true }
        if Finding.reportOrder(rhs, lhs) { return false }
        let left = lhs.related.map { "\($0.message)\u{1F}\($0.location?.description ?? "")" }
        let right = rhs.related.map { "\($0.message)\u{1F}\($0.location?.description ?? "")" }
        return left.lexicographicallyPrecedes(right)
    }
}
