import LDNS

/// A zone file's records as written, grouped by owner: what zone-only rules read (duplicates, CNAME beside
/// other data, SOA, glue). Answers to queries come from the zone's `DNSView` instead.
package protocol ZoneContents: ParsedInput, AnyObject {
    var origin: DNSName { get }
    var originID: Int32 { get }
    /// Owner ids run from 0 to `nameCount - 1`; a name without records has an empty slice.
    var nameCount: Int { get }
    /// The records of one owner, in input order.
    func records(of owner: Int32) -> ArraySlice<ZoneRecord>
    func name(_ id: Int32) -> DNSName
    /// The name in lower-case wire form, for checks that need no text (most names never reach a message).
    func wire(_ id: Int32) -> ArraySlice<UInt8>
    /// At or below the origin.
    func isInZone(_ id: Int32) -> Bool
    func location(of record: ZoneRecord) -> SourceLocation
    func rdataBytes(of record: ZoneRecord) -> ArraySlice<UInt8>
    /// The records of one owner that the zone serves as its own data or as glue, in input order. Occluded data
    /// is left out: records below a zone cut (except the addresses of name servers, which referrals carry as
    /// glue) and below a DNAME (RFC 6672 2.4). A server never answers with it, so rules do not judge it.
    func servedRecords(of owner: Int32) -> ArraySlice<ZoneRecord>
    /// Calls `body` with each owner that has served records and those records (input order), in id order:
    /// occluded data is not the zone's data, and rules do not judge it. One loop inside the zone: rules that judge
    /// whole owners (duplicates, TTLs within an RRset) walk every owner, and a call through the protocol per
    /// owner cost more than their own checks.
    /// Owners with fewer than `minimum` served records are passed over without making a slice of them (a slice
    /// retains the zone's record array, which the other rules' threads retain as well).
    func forEachOwner(withAtLeast minimum: Int, _ body: (Int32, ArraySlice<ZoneRecord>) -> Void)
    /// Calls `body` with each served record of one of `types`, in the order `forEachOwner` meets them. For
    /// rules that judge a few types (SOA, NS, the records that name a target): a scan of the records alone,
    /// instead of a visit to each of the zone's owners.
    func forEachServedRecord(ofTypes types: [RRType], _ body: (ZoneRecord) -> Void)
    /// The `$ORIGIN` in effect where the record was written: its relative names were completed with it.
    func writtenOrigin(of record: ZoneRecord) -> DNSName
    /// The zone as a server loaded with it answers (its `zone` is these contents), for rules that ask it
    /// beside reading its records.
    var view: any DNSView { get }
}

extension LintContext {
    /// Every zone read, in load order.
    package var zones: [any ZoneContents] { inputs.compactMap { $0 as? any ZoneContents } }
}
