/// Writes JSON text (RFC 8259) straight into a byte buffer, with no value tree and no intermediate strings: what
/// the conversion writes per call and per message (issue 9). Commas and key separators are placed by the stream.
///
/// ```swift
/// var json = JSONStream()
/// json.beginObject(); json.key("cic"); json.int(5); json.endObject()   // {"cic":5}
/// ```
public struct JSONStream: JSONOutput, Sendable {
    public var bytes: [UInt8]
    /// Whether the open container already holds a value (the next one needs a comma); the same for each enclosing
    /// container, saved when the inner one began. Only `begin…`/`end…` touch the array, not every value.
    private var needsComma = false
    private var enclosing = BitStack()
    private var afterKey = false

    public init(capacity: Int = 4096) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard enclosing.depth > 0 else { return }  // values at the top (JSON Lines records) take no comma
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    @inline(__always)
    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        enclosing.push(needsComma)
        needsComma = false
    }

    @inline(__always)
    public mutating func endObject() {
        needsComma = enclosing.pop()
        bytes.append(UInt8(ascii: "}"))
    }

    @inline(__always)
    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        enclosing.push(needsComma)
        needsComma = false
    }

    @inline(__always)
    public mutating func endArray() {
        needsComma = enclosing.pop()
        bytes.append(UInt8(ascii: "]"))
    }

    /// `name` is written as it is (JSONOutput: keys need no escaping).
    @inline(__always)
    public mutating func key(_ name: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        if name.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: name.utf8)
        }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    @inline(__always)
    public mutating func hex<C: Collection>(_ octets: C) where C.Element == UInt8 {
        separate()
        bytes.append(UInt8(ascii: "\""))
        Hex.append(octets, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func string(_ value: String?) {
        separate()
        guard let value else { return bytes.append(contentsOf: "null".utf8) }
        JSONValue.writeString(value, into: &bytes)
    }

    @inline(__always)
    public mutating func int<T: BinaryInteger>(_ value: T?) {
        separate()
        guard let value else { return bytes.append(contentsOf: "null".utf8) }
        guard let v = Int(exactly: value) else { return bytes.append(contentsOf: String(value).utf8) }
        appendDecimal(v)
    }

    /// Decimal digits written in place (no `String` per number: the decode output is mostly small integers).
    private mutating func appendDecimal(_ v: Int) {
        if v < 0 { bytes.append(UInt8(ascii: "-")) }
        var m = v.magnitude
        guard m >= 10 else { return bytes.append(UInt8(ascii: "0") + UInt8(m)) }
        var digits = 1, t = m
        while t >= 10 {
            t /= 10
            digits += 1
        }
        let end = bytes.count + digits
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        var i = end
        while m > 0 {
            i -= 1
            bytes[i] = UInt8(ascii: "0") + UInt8(m % 10)
            m /= 10
        }
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// A number written as given (`12.250`): decimal text the caller formatted, or null.
    public mutating func number(text: String?) {
        separate()
        bytes.append(contentsOf: (text ?? "null").utf8)
    }

    /// Ends a JSON Lines record (RFC 7464-style newline-delimited JSON).
    public mutating func newline() { bytes.append(UInt8(ascii: "\n")) }

    /// Takes the text written so far, leaving the stream empty (between records).
    public mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }
}

/// A stack of flags kept in one word for the first 64 levels (an ISUP message nests a handful), in an array below
/// them: opening a container allocates nothing.
private struct BitStack: Sendable {
    private(set) var depth = 0
    private var word: UInt64 = 0
    private var deeper: [Bool] = []

    mutating func push(_ flag: Bool) {
        if depth < 64 {
            let bit: UInt64 = 1 << UInt64(depth)
            word = flag ? word | bit : word & ~bit
        } else {
            deeper.append(flag)
        }
        depth += 1
    }

    /// The flag on top, removed; false when empty (an unbalanced end).
    mutating func pop() -> Bool {
        guard depth > 0 else { return false }
        depth -= 1
        return depth < 64 ? word & (1 << UInt64(depth)) != 0 : deeper.removeLast()
    }
}
