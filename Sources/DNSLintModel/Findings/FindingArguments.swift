/// A finding's structured values (`arguments` in the JSON report), kept as a short array sorted by key.
/// A finding carries two or three; a Dictionary's hash table cost about 300 bytes and a hashed insert each,
/// on findings that a large zone makes by the hundred thousand. Reads like a dictionary: literal, subscript.
package struct FindingArguments: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    package struct Entry: Sendable, Hashable {
        package var key: String
        package var value: ArgumentValue
    }

    /// Sorted by key, one entry per key: equal arguments are equal arrays.
    private var entries: [Entry] = []

    package init(dictionaryLiteral elements: (String, ArgumentValue)...) {
        for (key, value) in elements { self[key] = value }
    }

    package init(_ dictionary: [String: ArgumentValue]) {
        entries = dictionary.map { Entry(key: $0.key, value: $0.value) }.sorted { $0.key < $1.key }
    }

    package subscript(key: String) -> ArgumentValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            let index = entries.firstIndex { $0.key >= key } ?? entries.endIndex
            let present = index < entries.endIndex && entries[index].key == key
            switch (present, newValue) {
            case (true, let value?): entries[index].value = value
            case (true, nil): entries.remove(at: index)
            case (false, let value?): entries.insert(Entry(key: key, value: value), at: index)
            case (false, nil): break
            }
        }
    }

    /// As Dictionary's: `combine` picks the value of a key both have.
    package mutating func merge(_ other: FindingArguments, uniquingKeysWith combine: (ArgumentValue, ArgumentValue) -> ArgumentValue) {
        for entry in other.entries { self[entry.key] = self[entry.key].map { combine($0, entry.value) } ?? entry.value }
    }

    package func merging(_ other: FindingArguments, uniquingKeysWith combine: (ArgumentValue, ArgumentValue) -> ArgumentValue) -> FindingArguments {
        var merged = self
        merged.merge(other, uniquingKeysWith: combine)
        return merged
    }

    package var isEmpty: Bool { entries.isEmpty }
    package var count: Int { entries.count }
    package var keys: [String] { entries.map(\.key) }

    /// In key order, as `(key, value)` pairs the way a Dictionary gives them.
    package struct Iterator: IteratorProtocol {
        fileprivate var entries: IndexingIterator<[Entry]>
        package mutating func next() -> (key: String, value: ArgumentValue)? {
            entries.next().map { ($0.key, $0.value) }
        }
    }

    package func makeIterator() -> Iterator { Iterator(entries: entries.makeIterator()) }
}
