/// Where a JSON form is written, value by value: a byte stream (`JSONStream`, what `decode` and `convert` print) or
/// a value tree (`JSONTree`, for readers of `ISUPMessage.json`). The ISUP JSON forms are written once, against this
/// protocol, so both agree by construction.
public protocol JSONOutput {
    mutating func beginObject()
    mutating func endObject()
    mutating func beginArray()
    mutating func endArray()
    /// The key of the next value in the open object (a JSON-safe name: no quote, backslash or control character).
    mutating func key(_ name: String)
    /// A key known when the program was built (the tables' field names).
    mutating func key(_ name: StaticString)
    mutating func string(_ value: String?)
    mutating func int<T: BinaryInteger>(_ value: T?)
    /// Octets as a string of upper-case hex digits (`Hex.string`).
    mutating func hex<C: Collection>(_ octets: C) where C.Element == UInt8
    /// A value whose text depends on `key` alone, written by `write`: a stream may copy the text it wrote for the
    /// same key before instead (`JSONMemo`).
    mutating func value(memoizedAs key: UInt64, _ write: (inout Self) -> Void)
}

extension JSONOutput {
    public mutating func value(memoizedAs key: UInt64, _ write: (inout Self) -> Void) { write(&self) }

    public mutating func key(_ name: StaticString) { key(name.description) }

    // The `field` writers take their key as a literal: the stream copies its octets (`key(_: StaticString)`).

    /// A key and its string value.
    public mutating func field(_ name: StaticString, _ value: String?) {
        key(name)
        string(value)
    }

    /// A key and its integer value.
    public mutating func field<T: BinaryInteger>(_ name: StaticString, _ value: T?) {
        key(name)
        int(value)
    }

    /// A key and octets as hex.
    public mutating func field<C: Collection>(_ name: StaticString, hex octets: C) where C.Element == UInt8 {
        key(name)
        hex(octets)
    }
}

/// Builds the `JSONValue` of what is written (one value at the top).
public struct JSONTree: JSONOutput {
    private enum Container {
        case object(JSONObject, key: String?)
        case array([JSONValue])
    }

    private var stack: [Container] = []
    /// The value written, once its last container is closed.
    public private(set) var value: JSONValue = .null

    public init() {}

    /// The object written (empty when the value is not an object).
    public var object: JSONObject { value.object ?? JSONObject() }

    private mutating func add(_ v: JSONValue) {
        guard let top = stack.popLast() else {
            value = v
            return
        }
        switch top {
        case .object(var o, let key):
            o.append(key ?? "", v)
            stack.append(.object(o, key: nil))
        case .array(var a):
            a.append(v)
            stack.append(.array(a))
        }
    }

    public mutating func beginObject() { stack.append(.object(JSONObject(), key: nil)) }
    public mutating func beginArray() { stack.append(.array([])) }

    public mutating func endObject() {
        guard case .object(let o, _)? = stack.popLast() else { return }
        add(.object(o))
    }

    public mutating func endArray() {
        guard case .array(let a)? = stack.popLast() else { return }
        add(.array(a))
    }

    public mutating func key(_ name: String) {
        guard case .object(let o, _)? = stack.popLast() else { return }
        stack.append(.object(o, key: name))
    }

    public mutating func string(_ value: String?) { add(value.map(JSONValue.string) ?? .null) }
    public mutating func int<T: BinaryInteger>(_ value: T?) { add(value.map { .int(Int($0)) } ?? .null) }
    public mutating func hex<C: Collection>(_ octets: C) where C.Element == UInt8 { add(.string(Hex.string(octets))) }
}
