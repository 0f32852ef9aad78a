import DNSLintModel
import LDNS

/// How glibc and musl getaddrinfo (AF_UNSPEC: A and AAAA together) treat one step of a search walk — a
/// search-list candidate, or the name itself — from its two answers. Measured with glibc 2.36 and musl 1.2.3
/// against a scripted server (Tests/DNSLintTests/RealResolver/SearchWalkTests.swift):
/// - glibc ends the walk at the first step whose NOERROR answer carries records (a CNAME, addresses): it
///   returns that step's addresses, of one type only when the other type is NXDOMAIN, or fails with
///   "Name or service not known" when there are none. Answers without records (NXDOMAIN, an empty NOERROR,
///   SERVFAIL) send it on to the next step.
/// - musl goes on to the next step when either answer is NXDOMAIN, whatever the other holds; any other error
///   ends the lookup (EAI_AGAIN); two NOERROR answers end it with their addresses, or with "Name does not
///   resolve" when they have none.
enum LibcSearchWalk {
    /// A step's A and AAAA answers as the libcs read them.
    struct Step {
        var rcodes: (a: Int, aaaa: Int)
        var rcodeNames: (a: String, aaaa: String)
        /// The NOERROR answer(s) carry answer records; and records of the asked type (addresses).
        var hasRecords: (a: Bool, aaaa: Bool)
        var hasAddresses: (a: Bool, aaaa: Bool)

        /// nil when either query got no usable response (a timeout, a malformed answer).
        init?(a: LiveStep?, aaaa: LiveStep?) {
            guard let a = a?.response, let aaaa = aaaa?.response, let aCode = a.rcodeValue, let aaaaCode = aaaa.rcodeValue else { return nil }
            rcodes = (aCode, aaaaCode)
            rcodeNames = (a.rcode, aaaa.rcode)
            hasRecords = (aCode == 0 && !a.answer.isEmpty, aaaaCode == 0 && !aaaa.answer.isEmpty)
            hasAddresses = (aCode == 0 && a.answer.contains { $0.type == .a }, aaaaCode == 0 && aaaa.answer.contains { $0.type == .aaaa })
        }

        /// One type NXDOMAIN, the other NOERROR.
        var isSplit: Bool { Set([rcodes.a, rcodes.aaaa]) == [0, 3] }
        /// The NOERROR half of a split carries records.
        var noerrorHalfHasRecords: Bool { hasRecords.a || hasRecords.aaaa }
        var addressTypes: [String] { (hasAddresses.a ? ["A"] : []) + (hasAddresses.aaaa ? ["AAAA"] : []) }
    }

    enum Outcome: Equatable {
        /// Go on to the next step.
        case next
        /// The lookup ends with addresses of these types.
        case resolves([String])
        /// The lookup ends without addresses.
        case fails
    }

    static func glibc(_ step: Step) -> Outcome {
        guard step.noerrorHalfHasRecords else { return .next }
        let types = step.addressTypes
        return types.isEmpty ? .fails : .resolves(types)
    }

    static func musl(_ step: Step) -> Outcome {
        if step.rcodes.a == 3 || step.rcodes.aaaa == 3 { return .next }
        guard step.rcodes == (0, 0) else { return .fails }
        let types = step.addressTypes
        return types.isEmpty ? .fails : .resolves(types)
    }

    /// Where musl's walk ends after `skipped`: at the first later step that ends it, as recorded; nil when
    /// a step it needs was not recorded or had no usable answer.
    static func muslRest(after skipped: DNSName, candidates: [DNSName], name: DNSName, _ recorded: RecordedQueries) -> (Outcome, DNSName)? {
        let later = (candidates.firstIndex(of: skipped).map { Array(candidates[($0 + 1)...]) } ?? []) + [name]
        for candidate in later {
            guard let step = Step(a: recorded.step(candidate, .a, edns: true), aaaa: recorded.step(candidate, .aaaa, edns: true)) else { return nil }
            let outcome = musl(step)
            if outcome != .next { return (outcome, candidate) }
        }
        return (.fails, name)
    }
}
