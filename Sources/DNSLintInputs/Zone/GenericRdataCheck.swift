import DNSLintModel
import LDNS
/// RFC 3597 generic rdata (`\# 6 abcdef012345`): ldns accepts non-hex digits silently and turns them
/// into other bytes, so the length and the digits are checked here before ldns sees the record.
enum GenericRdataCheck {
    static func problem(in record: UnsafePointer<CChar>) -> String? {
        guard strstr(record, "\\# ") != nil else { return nil }
        let words = String(cString: record).split(separator: " ")
        guard let marker = words.firstIndex(of: "\\#"), marker + 1 < words.count else { return nil }
        guard let length = Int(words[marker + 1]) else {
            return "generic rdata (\\#) needs a length, not \(Excerpt.text(words[marker + 1], limit: 24))"
        }
        // RDLENGTH is 16 bits; a huge or negative length also overflowed the doubling below (found by fuzzing).
        guard (0...65535).contains(length) else {
            return "generic rdata (\\#) length must be 0 to 65535, not \(Excerpt.text(words[marker + 1], limit: 24))"
        }
        let hex = words[(marker + 2)...].joined()
        if let bad = hex.first(where: { !$0.isHexDigit }) {
            return "generic rdata (\\#) has a character that is not a hex digit: \(Excerpt.text(String(bad), limit: 8))"
        }
        guard hex.count == length * 2 else {
            return "generic rdata (\\#) says \(length) bytes but holds \(hex.count / 2)\(hex.count % 2 == 1 ? " and a half" : "")"
        }
        return nil
    }
}

import Foundation
