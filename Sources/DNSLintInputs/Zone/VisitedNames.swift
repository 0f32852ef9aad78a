/// Names a CNAME walk has passed: a small array for the usual short chains, a set once a chain is long,
/// so a walk of any length stays linear.
struct VisitedNames {
    private var few: [Int32] = []
    private var many: Set<Int32> = []

    mutating func insert(_ id: Int32) {
        if many.isEmpty, few.count < 16 {
            few.append(id)
            return
        }
        if many.isEmpty { many = Set(few) }
        many.insert(id)
    }

    func contains(_ id: Int32) -> Bool { many.isEmpty ? few.contains(id) : many.contains(id) }
}
