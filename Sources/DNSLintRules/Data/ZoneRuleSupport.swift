import DNSLintModel
import LDNS

/// Helpers for rules that judge a zone's records directly (not through DNSView answers).
extension ZoneContents {
    /// Calls `body` for every owner with its records (input order).
    func forEachOwner(_ body: (Int32, ArraySlice<ZoneRecord>) -> Void) {
        for id in 0..<Int32(nameCount) {
            let slice = records(of: id)
            if !slice.isEmpty { body(id, slice) }
        }
    }

    func hasRecord(_ name: Int32, ofType type: RRType) -> Bool {
        records(of: name).contains { $0.type == type }
    }

    func subject(_ id: Int32, _ type: RRType) -> DNSSubject {
        DNSSubject(name: name(id).text, type: type.mnemonic)
    }

    func short(_ id: Int32) -> String { name(id).relative(to: origin) }
}
