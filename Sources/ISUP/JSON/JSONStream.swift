/// Writes JSON text (RFC 8259) straight into a byte buffer, with no value tree and no intermediate strings: what
/// the conversion writes per call and per message (issue 9). Commas and key separators are placed by the stream.
///
/// ```swift
/// let json = JSONStream()
/// json.beginObject(); json.key("cic"); json.int(5); json.endObject()   // {"cic":5}
/// ```
///
/// A stream is a reference: the writers take it `inout` like any `JSONOutput`, and copies of the reference write
/// into the one buffer. The buffer is written through a pointer, so an octet costs a store and a capacity check
/// rather than an array's uniqueness check (the `decode` output is mostly one- and two-octet writes).
public final class JSONStream: JSONOutput {
    /// The writer's state, reached through a pointer the stream alone owns: a class's stored `var`s would pay a
    /// dynamic exclusivity check on every octet.
    private let state: UnsafeMutablePointer<Writer>

    public init(capacity: Int = 4096) {
        state = .allocate(capacity: 1)
        state.initialize(to: Writer(buffer: Buffer(capacity: capacity)))
    }

    deinit {
        state.pointee.memo.release()
        state.pointee.buffer.base.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// The text written so far.
    public var bytes: [UInt8] { Array(state.pointee.buffer.written) }

    /// Octets written so far.
    public var count: Int { state.pointee.buffer.count }

    /// Appends the text written so far to `out`, leaving the stream empty.
    public func move(into out: inout [UInt8]) {
        out.append(contentsOf: state.pointee.buffer.written)
        truncate(to: 0)
    }

    /// Calls `body` with the text written so far, in place (a writer hands it to the output with no copy).
    public func withWrittenBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(state.pointee.buffer.written)
    }

    /// Drops what was written after the first `count` octets and goes back to the top level: the next value
    /// starts a new record (a line that failed to render is taken back this way).
    public func truncate(to count: Int) {
        precondition(count >= 0 && count <= self.count, "truncating to \(count) of \(self.count) octets")
        state.pointee.buffer.count = count
        state.pointee.needsComma = false
        state.pointee.enclosing = BitStack()
        state.pointee.afterKey = false
    }

    /// Octets written as they are, outside the JSON structure (a text rendering, or JSON another writer made).
    public func append(raw bytes: some Sequence<UInt8>) {
        let copied: Void? = bytes.withContiguousStorageIfAvailable { state.pointee.buffer.append(contentsOf: $0) }
        if copied == nil { for byte in bytes { state.pointee.buffer.append(byte) } }
    }

    @inline(__always) public func beginObject() { state.pointee.begin(UInt8(ascii: "{")) }
    @inline(__always) public func endObject() { state.pointee.end(UInt8(ascii: "}")) }
    @inline(__always) public func beginArray() { state.pointee.begin(UInt8(ascii: "[")) }
    @inline(__always) public func endArray() { state.pointee.end(UInt8(ascii: "]")) }
    /// `name` is written as it is (JSONOutput: keys need no escaping).
    @inline(__always) public func key(_ name: String) { state.pointee.key(name) }
    @inline(__always) public func key(_ name: StaticString) { state.pointee.key(name) }
    @inline(__always) public func hex<C: Collection>(_ octets: C) where C.Element == UInt8 { state.pointee.hex(octets) }
    public func string(_ value: String?) { state.pointee.string(value) }
    @inline(__always) public func int<T: BinaryInteger>(_ value: T?) { state.pointee.int(value) }
    public func bool(_ value: Bool) { state.pointee.literal(value ? "true" : "false") }
    /// A number written as given (`12.250`): decimal text the caller formatted, or null.
    public func number(text: String?) { state.pointee.literal(text ?? "null") }
    public func value(memoizedAs key: UInt64, _ write: (inout JSONStream) -> Void) {
        state.pointee.separate()
        if let text = state.pointee.memo.text(for: key) { return state.pointee.buffer.append(contentsOf: text) }
        state.pointee.afterKey = true  // the value's separator is written: its first token takes none
        let start = state.pointee.buffer.count
        var stream = self
        write(&stream)
        state.pointee.memo.keep(UnsafeBufferPointer(rebasing: state.pointee.buffer.written[start...]), for: key)
    }

    /// Ends a JSON Lines record (RFC 7464-style newline-delimited JSON).
    public func newline() { state.pointee.buffer.append(UInt8(ascii: "\n")) }
}

/// What the stream writes with: the octets, and where commas go.
private struct Writer {
    var buffer: Buffer
    /// Whether the open container already holds a value (the next one needs a comma); the same for each enclosing
    /// container, saved when the inner one began. Only `begin`/`end` touch the stack, not every value.
    var needsComma = false
    var enclosing = BitStack()
    var afterKey = false
    var memo = JSONMemo()

    @inline(__always)
    mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard enclosing.depth > 0 else { return }  // values at the top (JSON Lines records) take no comma
        if needsComma { buffer.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    @inline(__always)
    mutating func begin(_ bracket: UInt8) {
        separate()
        buffer.append(bracket)
        enclosing.push(needsComma)
        needsComma = false
    }

    @inline(__always)
    mutating func end(_ bracket: UInt8) {
        needsComma = enclosing.pop()
        buffer.append(bracket)
    }

    @inline(__always)
    mutating func key(_ name: String) { key { $0.append(name) } }

    @inline(__always)
    mutating func key(_ name: StaticString) {
        guard name.hasPointerRepresentation else { return key(name.description) }
        key { $0.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)) }
    }

    /// `"name":`, the name's octets written by `name`.
    @inline(__always)
    private mutating func key(_ name: (inout Buffer) -> Void) {
        separate()
        buffer.append(UInt8(ascii: "\""))
        name(&buffer)
        buffer.append(UInt8(ascii: "\""))
        buffer.append(UInt8(ascii: ":"))
        afterKey = true
    }

    @inline(__always)
    mutating func hex<C: Collection>(_ octets: C) where C.Element == UInt8 {
        separate()
        buffer.append(UInt8(ascii: "\""))
        Hex.append(octets, to: &buffer)
        buffer.append(UInt8(ascii: "\""))
    }

    mutating func string(_ value: String?) {
        guard let value else { return literal("null") }
        separate()
        JSONValue.writeString(value, into: &buffer)
    }

    @inline(__always)
    mutating func int<T: BinaryInteger>(_ value: T?) {
        guard let value else { return literal("null") }
        guard let v = Int(exactly: value) else { return literal(String(value)) }
        separate()
        appendDecimal(v)
    }

    /// Text written as it is (`true`, `null`, a formatted number).
    mutating func literal(_ text: String) {
        separate()
        buffer.append(text)
    }

    /// Decimal digits written in place (no `String` per number: the decode output is mostly small integers).
    private mutating func appendDecimal(_ v: Int) {
        if v < 0 { buffer.append(UInt8(ascii: "-")) }
        var m = v.magnitude
        guard m >= 10 else { return buffer.append(UInt8(ascii: "0") + UInt8(m)) }
        var digits = 1, t = m
        while t >= 10 {
            t /= 10
            digits += 1
        }
        buffer.reserve(digits)
        var i = buffer.count + digits
        buffer.count = i
        while m > 0 {
            i -= 1
            buffer.base[i] = UInt8(ascii: "0") + UInt8(m % 10)
            m /= 10
        }
    }
}

/// The stream's octets: allocated and freed by the stream alone (never copied out of it), grown by doubling.
private struct Buffer: ByteSink {
    var base: UnsafeMutablePointer<UInt8>
    var capacity: Int
    var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Room for `n` more octets.
    @inline(__always)
    mutating func reserve(_ n: Int) {
        guard capacity - count < n else { return }
        grow(to: count + n)
    }

    private mutating func grow(to needed: Int) {
        let newCapacity = max(capacity * 2, needed)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        reserve(bytes.count)
        (base + count).update(from: start, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    mutating func append(_ text: String) {
        guard text.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil else { return }
        for byte in text.utf8 { append(byte) }
    }
}

/// A stack of flags kept in one word for the first 64 levels (an ISUP message nests a handful), in an array below
/// them: opening a container allocates nothing.
private struct BitStack {
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
