/// Every DNS data rule (DNS1xxx), in code order. The registry concatenates the families.
enum DataRules {
    static let all: [any Rule] = []
}
