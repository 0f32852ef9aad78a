extension Int {
    /// The count and its noun, singular for exactly one: `1.counted("file")` is "1 file", `2.counted("query",
    /// "queries")` is "2 queries".
    package func counted(_ singular: String, _ plural: String? = nil) -> String {
        "\(self) \(self == 1 ? singular : plural ?? singular + "s")"
    }
}
