import ISUP
import Testing

/// `JSONStream`, the writer `decode` and `convert` print with (RFC 8259 text straight into bytes), against the
/// value tree and its writer (`JSONValue.write`), which the JSON tests and the JSON parser already judge.
@Suite struct JSONStreamTests {
    /// Integers are written digit by digit in place: the same text as Swift's own decimal form, for the edges of
    /// each digit count, both signs and values beyond `Int`.
    @Test func integersAsDecimalText() {
        let values: [Int] = [0, 1, 9, 10, 99, 100, 4095, 65_535, -1, -10, Int.max, Int.min]
        let stream = JSONStream()
        stream.beginArray()
        for v in values { stream.int(v) }
        stream.int(UInt64.max)
        stream.int(Optional<Int>.none)
        stream.endArray()
        let expected = "[" + values.map(String.init).joined(separator: ",") + ",\(UInt64.max),null]"
        #expect(String(decoding: stream.bytes, as: UTF8.self) == expected)
    }

    /// Containers nested past the 64 levels the stream keeps in one word: every level still separates its values
    /// by commas on the way in and on the way out (`[0,[0,…],1]`), as the value tree writes them.
    @Test func nestingDeeperThanOneWord() throws {
        let depth = 100
        var stream = JSONStream()
        var tree = JSONTree()
        func write<Output: JSONOutput>(_ out: inout Output, level: Int) {
            out.beginArray()
            out.int(0)
            if level < depth { write(&out, level: level + 1) }
            out.int(1)
            out.endArray()
        }
        write(&stream, level: 1)
        write(&tree, level: 1)
        let text = String(decoding: stream.bytes, as: UTF8.self)
        #expect(text == tree.value.jsonText)
        #expect(text.hasPrefix(String(repeating: "[0,", count: depth)) && text.hasSuffix(String(repeating: ",1]", count: depth)))
    }

    /// Commas, nesting and records: each JSON Lines record stands alone (no comma between top-level values).
    @Test func nestingAndRecords() throws {
        var stream = JSONStream()
        for n in 0..<2 {
            stream.beginObject()
            stream.field("n", n)
            stream.key("a")
            stream.beginArray()
            stream.beginObject()
            stream.endObject()
            stream.beginArray()
            stream.endArray()
            stream.string("x\"y")
            stream.endArray()
            stream.field("h", hex: [0x0A, 0xFF])
            stream.endObject()
            stream.newline()
        }
        #expect(String(decoding: stream.bytes, as: UTF8.self) == """
            {"n":0,"a":[{},[],"x\\"y"],"h":"0AFF"}
            {"n":1,"a":[{},[],"x\\"y"],"h":"0AFF"}

            """)
    }

    /// A memoized value is replayed where it falls: after a key, as the first and as a later element of an array,
    /// at the top of a record. Keys that share a slot of the table (a thousand of them over its 1,024 slots) and
    /// texts too long to keep are written anew, never swapped. Judged against the value tree, which keeps nothing.
    @Test func memoizedValuesReplayWhereTheyFall() {
        var stream = JSONStream()
        var tree = JSONTree()
        func write<Output: JSONOutput>(_ out: inout Output) {
            func value(_ k: UInt64, _ out: inout Output) {
                out.value(memoizedAs: k) { o in
                    o.beginObject()
                    o.field("k", Int(k))
                    o.key("long")
                    o.string(k % 7 == 0 ? String(repeating: "x", count: 2000) : "")
                    o.endObject()
                }
            }
            out.beginObject()
            out.key("a")
            value(1, &out)
            out.key("b")
            out.beginArray()
            for round in 0..<3 { for k in 0..<UInt64(1000) { value(k * UInt64(round + 1), &out) } }
            out.endArray()
            out.key("c")
            value(1, &out)
            out.endObject()
        }
        write(&stream)
        write(&tree)
        #expect(String(decoding: stream.bytes, as: UTF8.self) == tree.value.jsonText)
        let record = JSONStream()
        for _ in 0..<2 {
            record.value(memoizedAs: 9) { $0.int(9) }
            record.newline()
        }
        #expect(String(decoding: record.bytes, as: UTF8.self) == "9\n9\n")
    }

    /// A line taken back leaves the stream at the top level, the octets before it as they were.
    @Test func truncateTakesBackALine() {
        let stream = JSONStream()
        stream.beginArray()
        stream.int(1)
        stream.endArray()
        stream.newline()
        let kept = stream.count
        stream.beginObject()
        stream.key("half")
        stream.truncate(to: kept)
        stream.beginArray()
        stream.int(2)
        stream.endArray()
        #expect(String(decoding: stream.bytes, as: UTF8.self) == "[1]\n[2]")
    }
}
