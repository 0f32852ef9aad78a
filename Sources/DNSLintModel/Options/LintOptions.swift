import LDNS
import Foundation

/// The C library whose resolver reads resolv.conf; their behaviours differ.
package enum Libc: String, Sendable, CaseIterable, Codable {
    case glibc
    case musl
}

/// Settings that change how inputs are read and judged.
package struct LintOptions: Sendable {
    /// Origin for zone files; otherwise `$ORIGIN`, an absolute SOA owner, or the file name.
    package var origin: String?
    /// Let `$INCLUDE` reach files outside the including zone's folder.
    package var allowIncludeOutside = false
    /// Read every file as this kind instead of recognising it by name and content.
    package var kindOverride: InputKind?
    /// `--libc` (or `libc:` in the configuration): the C library of every client, over what workloads'
    /// images say. nil: each workload's images decide, and glibc stands for clients nothing tells about.
    package var libcOverride: Libc?
    /// The libc of clients no image tells about (a resolv.conf file, a live run without workloads):
    /// `--libc`, else glibc. Setting it sets `--libc`.
    package var libc: Libc {
        get { libcOverride ?? .glibc }
        set { libcOverride = newValue }
    }
    /// CoreDNS version the Corefiles run on, e.g. `1.11.1`; nil: each Corefile's from a CoreDNS image beside
    /// it, else unknown (`CoreDNSVersionScope`).
    package var corednsVersion: String?
    /// The configuration file `corednsVersion` came from; nil when it came from `--coredns-version`.
    package var corednsVersionConfigFile: String?
    package var clusterDomain = "cluster.local"
    /// Largest input file read, in bytes (each `$INCLUDE`d or imported file too); a larger one is a DNS0005
    /// finding and is not read.
    package var maxFileBytes = LintOptions.defaultMaxFileBytes
    /// Longest line read from a zone file, Corefile or resolv.conf, in bytes; a longer one is a syntax finding
    /// (DNS0001, DNS0002, DNS0003) and is skipped. A zone record continued over lines in parentheses may
    /// run to 16 times this in all.
    package var maxLineBytes = LintOptions.defaultMaxLineBytes
    /// Worker threads for parsing and rule evaluation.
    package var threads = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// CNAME hops recorded per answer. Zone files and live chains are still followed beyond it (up to
    /// `DNSAnswer.unrecordedHopLimit` hops more), so a loop is told from a long chain whatever the limit.
    package var maxCNAMEHops = LintOptions.defaultMaxCNAMEHops
    /// A folder with nothing to check is a usage error; false where that only means no findings (the tree
    /// at a `--new-since` revision).
    package var emptyFolderIsAnError = true
    /// Set by `--deadline` and the signal handlers: readers and passes stop taking new work once it fires.
    package var stop: RunStop?

    package static let defaultMaxFileBytes = 256 << 20
    package static let defaultMaxLineBytes = 64 << 10
    /// `--max-cname-hops` unless given: the one default every reader of answers and the prober share.
    package static let defaultMaxCNAMEHops = 64

    package init() {}

    /// The cluster domain without trailing dots (`cluster.local` when empty).
    package var clusterDomainName: String {
        var domain = clusterDomain
        while domain.hasSuffix(".") { domain.removeLast() }
        return domain.isEmpty ? "cluster.local" : domain
    }
}
