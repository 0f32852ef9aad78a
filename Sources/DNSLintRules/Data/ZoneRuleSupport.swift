import DNSLintModel
import LDNS

/// Helpers for rules that judge a zone's records directly (not through DNSView answers).
extension ZoneContents {
    /// Calls `body` for every owner with the records the zone serves (input order): occluded data below a
    /// zone cut or a DNAME is not the zone's data, and rules do not judge it.
    func forEachOwner(_ body: (Int32, ArraySlice<ZoneRecord>) -> Void) {
        forEachServedOwner(body)
    }

    func hasRecord(_ name: Int32, ofType type: RRType) -> Bool {
        servedRecords(of: name).contains { $0.type == type }
    }

    func subject(_ id: Int32, _ type: RRType) -> DNSSubject {
        DNSSubject(name: name(id).text, type: type.mnemonic)
    }

    func short(_ id: Int32) -> String { name(id).relative(to: origin) }
}
