import DNSLintModel
import LDNS

/// Helpers for rules that judge a zone's records directly (not through DNSView answers).
extension ZoneContents {
    func hasRecord(_ name: Int32, ofType type: RRType) -> Bool {
        servedRecords(of: name).contains { $0.type == type }
    }

    func subject(_ id: Int32, _ type: RRType) -> DNSSubject {
        DNSSubject(name: name(id).text, type: type.mnemonic)
    }

    func short(_ id: Int32) -> String { name(id).relative(to: origin) }
}
