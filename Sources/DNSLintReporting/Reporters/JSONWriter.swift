import DNSLintModel
/// Writes JSON straight into bytes with two-space indentation, without building a tree first.
/// Used for findings, of which there can be hundreds of thousands.
struct JSONWriter {
    /// What was written so far (see `ByteOutput` for why not an Array).
    let output: ByteOutput
    var bytes: [UInt8] { output.bytes }
    private var depth: Int
    private var needsComma = false

    init(depth: Int = 0) {
        self.depth = depth
        output = ByteOutput()
    }

    /// A writer for items in the middle of an array another writer opened: `continuing` means items
    /// already precede these, so the first one needs a comma. It writes into `output` from its start (what it
    /// held is dropped): a buffer reused chunk after chunk is faulted in once, not once per chunk.
    init(depth: Int, continuing: Bool, reusing output: ByteOutput) {
        self.depth = depth
        needsComma = continuing
        output.removeAll()
        self.output = output
    }

    /// Tells a writer that `items` values were written into its open array by other writers.
    mutating func continueAfter(items: Int, depth: Int) {
        self.depth = depth
        needsComma = items > 0
    }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A key the code spells (plain ASCII): copied as it is, without the scan for characters to escape.
    mutating func key(_ name: StaticString) {
        guard name.hasPointerRepresentation else {
            separate()
            output.append(UInt8(ascii: "\""))
            output.append(name)
            output.append("\": ")
            return afterKey()
        }
        // A finding writes some 25 keys: the separator, indentation and key go in with one capacity check.
        output.appendKey(name.utf8Start, count: name.utf8CodeUnitCount, comma: needsComma, depth: depth)
        afterKey()
    }

    /// A key from data (a finding's argument names).
    mutating func key(escaping name: String) {
        separate()
        output.appendEscaped(name)
        output.append(": ")
        afterKey()
    }

    private mutating func afterKey() {
        needsComma = false
        pendingValueAfterKey = true
    }

    mutating func string(_ value: String) { valuePrefix(); output.appendEscaped(value) }
    mutating func int(_ value: Int) { valuePrefix(); output.appendInteger(value) }
    mutating func null() { valuePrefix(); output.append("null") }

    mutating func value(_ value: JSONValue) {
        valuePrefix()
        var rendered: [UInt8] = []
        value.write(into: &rendered, indent: depth)
        output.append(rendered)
    }

    /// A finding's argument: numbers and strings written directly, other values through `JSONValue`.
    mutating func argument(_ value: ArgumentValue) {
        switch value {
        case .int(let number): int(number)
        case .string(let text): string(text)
        default: self.value(value.json)
        }
    }

    mutating func field(_ name: StaticString, _ value: String) { key(name); string(value) }

    /// A string that repeats from one call to the next (a finding's path): escaped once, then copied.
    mutating func repeatedString(_ value: String) {
        valuePrefix()
        if value != lastRepeated.value {
            var escaped: [UInt8] = []
            JSONValue.escape(value, into: &escaped)
            lastRepeated = (value, escaped)
        }
        output.append(lastRepeated.escaped)
    }

    private var lastRepeated: (value: String, escaped: [UInt8]) = ("", [UInt8(ascii: "\""), UInt8(ascii: "\"")])
    mutating func field(_ name: StaticString, _ value: Int) { key(name); int(value) }
    mutating func field(_ name: StaticString, _ value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }

    private var pendingValueAfterKey = false

    private mutating func valuePrefix() {
        if pendingValueAfterKey {
            pendingValueAfterKey = false
        } else {
            separate()
        }
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { output.append(UInt8(ascii: ",")) }
        if depth > 0 { output.appendNewline(depth: depth) }
    }

    private mutating func open(_ bracket: UInt8) {
        valuePrefix()
        output.append(bracket)
        depth += 1
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if needsComma { output.appendNewline(depth: depth) }
        output.append(bracket)
        needsComma = true
    }
}
