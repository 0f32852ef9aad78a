/// TTLs as zone files write them: `3600`, `1h`, `1h30m`, `2W`.
enum TTLText {
    static func seconds(_ text: String) -> UInt32? {
        guard !text.isEmpty else { return nil }
        var total: UInt64 = 0
        var number: UInt64?
        for scalar in text.unicodeScalars {
            if scalar >= "0" && scalar <= "9" {
                number = (number ?? 0) * 10 + UInt64(scalar.value - 48)
                if number! > UInt64(UInt32.max) { return nil }
                continue
            }
            guard let value = number else { return nil }
            let unit: UInt64
            switch scalar {
            case "s", "S": unit = 1
            case "m", "M": unit = 60
            case "h", "H": unit = 3600
            case "d", "D": unit = 86400
            case "w", "W": unit = 604800
            default: return nil
            }
            total += value * unit
            number = nil
        }
        total += number ?? 0
        return total <= UInt64(UInt32.max) ? UInt32(total) : nil
    }
}
