/// A size in bytes as `--max-file-bytes` and `.dnslint.yml` take it: plain bytes (`65536`) or with a binary
/// suffix, K, M or G (`64K`, `256M`, `1G`; 1K = 1,024 bytes).
package enum ByteSize {
    /// What the flags and keys say a size must look like, for their errors.
    package static let expected = "a positive number of bytes, optionally with K, M or G (such as 65536, 64K, 256M or 1G)"

    /// The size, or nil when `text` is not one (empty, zero, negative, fractional, an unknown suffix, too large).
    package static func bytes(_ text: String) -> Int? {
        var digits = Substring(text)
        var multiplier = 1
        if let last = digits.last, let shift = ["K": 10, "M": 20, "G": 30][last.uppercased()] {
            multiplier = 1 << shift
            digits = digits.dropLast()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits), value > 0 else { return nil }
        let (bytes, overflow) = value.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : bytes
    }
}
