/// Bytes written through a raw pointer into storage that doubles as it fills. An append is a capacity check
/// and a store (or one copy); on an Array each was a uniqueness check and a generic call, which made the keys
/// and punctuation of a large report cost more than its text. Owned by one writer, on one thread, at a time:
/// a chunk of findings rendered on a worker is handed whole to the thread that writes it out (hence Sendable).
final class ByteOutput: @unchecked Sendable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 4_096) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// A copy of what was written.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    func removeAll() { count = 0 }

    /// What was written, in place, for the length of `body`.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(UnsafeBufferPointer(start: base, count: count))
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        append(source, count: bytes.count)
    }

    @inline(__always)
    func append(_ source: UnsafePointer<UInt8>, count length: Int) {
        if capacity - count < length { grow(toHold: count + length) }
        let target = base + count
        // Keys, punctuation and indentation are a few bytes: a loop beats a call to memmove.
        if length <= 16 {
            for index in 0..<length { target[index] = source[index] }
        } else {
            target.initialize(from: source, count: length)
        }
        count += length
    }

    /// `,` when `comma`, a newline and the indentation of `depth` (none at depth 0), then `"name": `: what
    /// `JSONWriter` writes before a value, as stores behind one capacity check.
    @inline(__always)
    func appendKey(_ name: UnsafePointer<UInt8>, count length: Int, comma: Bool, depth: Int) {
        let needed = length + 2 * depth + 6
        if capacity - count < needed { grow(toHold: count + needed) }
        var target = base + count
        if comma {
            target.pointee = UInt8(ascii: ",")
            target += 1
        }
        if depth > 0 {
            target.pointee = 10
            for index in 1...(2 * depth) { target[index] = 32 }
            target += 2 * depth + 1
        }
        target.pointee = UInt8(ascii: "\"")
        for index in 0..<length { target[index + 1] = name[index] }
        target += length + 1
        target[0] = UInt8(ascii: "\"")
        target[1] = UInt8(ascii: ":")
        target[2] = 32
        count = target + 3 - base
    }

    func append(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { append($0) } }

    @inline(__always)
    func append(_ text: StaticString) {
        guard text.hasPointerRepresentation else { return text.withUTF8Buffer { append($0) } }
        append(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    /// Decimal digits, without building a String.
    func appendInteger(_ value: Int) { JSONValue.withDecimal(value) { append($0) } }

    /// A JSON string: copied whole when nothing in it needs escaping (nearly always), else escaped.
    func appendEscaped(_ text: String) {
        var text = text
        let plain = text.withUTF8 { bytes -> Bool in
            guard !JSONValue.needsEscaping(bytes) else { return false }
            append(UInt8(ascii: "\""))
            append(bytes)
            append(UInt8(ascii: "\""))
            return true
        }
        guard !plain else { return }
        var escaped: [UInt8] = []
        JSONValue.escape(text, into: &escaped)
        append(escaped)
    }

    /// A newline and the indentation of `depth` (two spaces a level).
    func appendNewline(depth: Int) { JSONValue.withNewline(depth: depth) { append($0) } }

    private func grow(toHold needed: Int) {
        let larger = max(capacity * 2, needed)
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        storage.initialize(from: base, count: count)
        base.deallocate()
        base = storage
        capacity = larger
    }
}
