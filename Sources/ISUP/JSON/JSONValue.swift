/// A JSON value whose objects keep their key order, so that the order of optional parameters survives
/// `decode` → JSON → `encode`. Foundation's JSON types do not keep key order; this small type does.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public var object: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }
    public var array: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }
    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }
    public var int: Int? {
        switch self {
        case .int(let i): return i
        case .double(let d):
            // Integral doubles only; compared without libm rounding functions (not linked without Foundation).
            guard d > -9.0e15, d < 9.0e15 else { return nil }
            let i = Int(d)
            return Double(i) == d ? i : nil
        default: return nil
        }
    }
}

/// A JSON object: key-value entries in insertion order.
public struct JSONObject: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
    public struct Entry: Hashable, Sendable {
        public var key: String
        public var value: JSONValue
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        for (k, v) in elements { self[k] = v }
    }

    public var keys: [String] { entries.map(\.key) }
    public var isEmpty: Bool { entries.isEmpty }

    /// Reading finds the first entry with the key; writing replaces it in place, appends a new key at the end,
    /// and `nil` removes it.
    public subscript(key: String) -> JSONValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let i = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append(Entry(key: key, value: newValue))
            }
        }
    }

    /// Appends without looking for an existing key (the writer of a decoded message knows its keys are unique).
    public mutating func append(_ key: String, _ value: JSONValue) { entries.append(Entry(key: key, value: value)) }

    public func makeIterator() -> IndexingIterator<[Entry]> { entries.makeIterator() }

    /// Equal as JSON objects: same keys with equal values, in any order.
    public func sameContent(as other: JSONObject) -> Bool {
        entries.count == other.entries.count && entries.allSatisfy { other[$0.key] == $0.value }
    }
}
