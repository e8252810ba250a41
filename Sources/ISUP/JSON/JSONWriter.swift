extension JSONValue {
    /// Compact JSON text (one line), keys in order.
    public var jsonText: String {
        var out = [UInt8]()
        out.reserveCapacity(256)
        write(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    public func write(into out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d): out.append(contentsOf: (d.isFinite ? String(d) : "null").utf8)
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (n, item) in items.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                item.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            for (n, entry) in object.entries.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.writeString(entry.key, into: &out)
                out.append(UInt8(ascii: ":"))
                entry.value.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// JSON text indented by two spaces per level, one entry a line, keys in order (for people: `sipigw ctl`).
    public var indentedJSONText: String {
        var out = [UInt8]()
        writeIndented(into: &out, level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    private func writeIndented(into out: inout [UInt8], level: Int) {
        func newline(_ level: Int) { out.append(contentsOf: ("\n" + String(repeating: "  ", count: level)).utf8) }
        switch self {
        case .array(let items) where !items.isEmpty:
            out.append(UInt8(ascii: "["))
            for (n, item) in items.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1)
                item.writeIndented(into: &out, level: level + 1)
            }
            newline(level)
            out.append(UInt8(ascii: "]"))
        case .object(let object) where !object.isEmpty:
            out.append(UInt8(ascii: "{"))
            for (n, entry) in object.entries.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1)
                JSONValue.writeString(entry.key, into: &out)
                out.append(contentsOf: ": ".utf8)
                entry.value.writeIndented(into: &out, level: level + 1)
            }
            newline(level)
            out.append(UInt8(ascii: "}"))
        default:
            write(into: &out)
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A JSON string literal (RFC 8259 §7), escaped, appended to `out`.
    public static func writeString<Sink: ByteSink>(_ s: String, into out: inout Sink) {
        out.append(UInt8(ascii: "\""))
        var s = s
        // Fast path: most strings (names, hex, digits) need no escaping and are copied whole.
        let copied = s.withUTF8 { utf8 -> Bool in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            out.append(contentsOf: utf8)
            return true
        }
        if copied {
            out.append(UInt8(ascii: "\""))
            return
        }
        func escape(_ letter: UInt8) {
            out.append(UInt8(ascii: "\\"))
            out.append(letter)
        }
        for c in s.utf8 {
            switch c {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): escape(c)
            case UInt8(ascii: "\n"): escape(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): escape(UInt8(ascii: "r"))
            case UInt8(ascii: "\t"): escape(UInt8(ascii: "t"))
            case 0..<0x20:
                for e in "\\u00".utf8 { out.append(e) }
                out.append(hex[Int(c >> 4)])
                out.append(hex[Int(c & 0x0F)])
            default: out.append(c)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
