import Foundation

/// The C library whose resolver reads resolv.conf; their behaviours differ.
public enum Libc: String, Sendable, CaseIterable, Codable {
    case glibc
    case musl
}

/// Settings that change how inputs are read and judged.
public struct LintOptions: Sendable {
    /// Origin for zone files; otherwise `$ORIGIN`, an absolute SOA owner, or the file name.
    public var origin: String?
    /// Let `$INCLUDE` reach files outside the including zone's folder.
    public var allowIncludeOutside = false
    /// Read every file as this kind instead of recognising it by name and content.
    public var kindOverride: InputKind?
    public var libc: Libc = .glibc
    /// CoreDNS version the Corefile runs on, e.g. `1.11.1`; nil means the latest known.
    public var corednsVersion: String?
    public var clusterDomain = "cluster.local"
    /// Worker threads for parsing and rule evaluation.
    public var threads = max(1, ProcessInfo.processInfo.activeProcessorCount)

    public init() {}
}
