/// Values the process keeps until it exits. A report of a large zone holds hundreds of thousands of findings;
/// freeing them one by one right before the process ends took a tenth of a second on a million-record zone,
/// for memory the system takes back at exit in one step.
enum LeftForExit {
    static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Box(value))
    }

    private final class Box<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
