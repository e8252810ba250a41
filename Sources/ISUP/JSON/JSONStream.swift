/// Writes JSON text (RFC 8259) straight into a byte buffer, with no value tree and no intermediate strings: what
/// the conversion writes per call and per message (issue 9). Commas and key separators are placed by the stream.
///
/// ```swift
/// var json = JSONStream()
/// json.beginObject(); json.key("cic"); json.int(5); json.endObject()   // {"cic":5}
/// ```
public struct JSONStream: Sendable {
    public var bytes: [UInt8]
    /// Per open container: whether a value was written in it (the next one needs a comma).
    private var written: [Bool] = []
    private var afterKey = false

    public init(capacity: Int = 4096) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        if let last = written.last {
            if last { bytes.append(UInt8(ascii: ",")) }
            written[written.count - 1] = true
        }
    }

    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        written.append(false)
    }

    public mutating func endObject() {
        written.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        written.append(false)
    }

    public mutating func endArray() {
        written.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    public mutating func key(_ name: String) {
        separate()
        JSONValue.writeString(name, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    public mutating func string(_ value: String?) {
        separate()
        guard let value else { return bytes.append(contentsOf: "null".utf8) }
        JSONValue.writeString(value, into: &bytes)
    }

    public mutating func int<T: BinaryInteger>(_ value: T?) {
        separate()
        guard let value else { return bytes.append(contentsOf: "null".utf8) }
        bytes.append(contentsOf: String(value).utf8)
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

    /// A key and its string value.
    public mutating func field(_ name: String, _ value: String?) {
        key(name)
        string(value)
    }

    /// A key and its integer value.
    public mutating func field<T: BinaryInteger>(_ name: String, _ value: T?) {
        key(name)
        int(value)
    }

    /// Ends a JSON Lines record (RFC 7464-style newline-delimited JSON).
    public mutating func newline() { bytes.append(UInt8(ascii: "\n")) }

    /// Takes the text written so far, leaving the stream empty (between records).
    public mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }
}
